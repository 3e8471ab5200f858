package dev.rowan.core.internal.server;

import dev.rowan.core.Config;
import dev.rowan.core.internal.Dispatcher;
import dev.rowan.core.internal.ServerSettings;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.GlobalEventExecutor;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP engine adapter: Netty decodes and encodes HTTP/1.1; {@link ConnectionHandler} checks
 * framing and hands each request to a virtual thread. Nothing outside this package imports Netty.
 */
public final class NettyServer {
    /** Tells each connection that the server stops: idle ones close now, busy ones after their answer. */
    static final Object SHUTDOWN = new Object();

    static {
        // Netty 4.2 registers its JFR event types when its allocator starts, which loads the JFR
        // machinery: about 100 ms of start-up on one core, for events only a recording would see.
        // Off unless asked for with -Dio.netty.jfr.enabled=true. Set before any Netty class loads.
        if (System.getProperty("io.netty.jfr.enabled") == null) {
            System.setProperty("io.netty.jfr.enabled", "false");
        }
    }

    private final EventLoopGroup group;
    private final Channel serverChannel;
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    // Unnamed and untracked: a named factory builds a name string per request and a per-task
    // executor registers every thread in a set; shutdown waits on inFlight instead.
    private final ThreadFactory workers = Thread.ofVirtual().factory();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ThreadLocal<WorkerBatch> batches = ThreadLocal.withInitial(WorkerBatch::new);
    private volatile boolean shuttingDown;

    private NettyServer(Dispatcher dispatcher, ServerSettings settings) {
        if (!settings.trackBufferLeaks() && System.getProperty("io.netty.leakDetection.level") == null) {
            // Netty's default samples 1 buffer in 128 with a stack trace (~1-2 % of a request's CPU).
            // Process-wide, like the property it stands for; -Dio.netty.leakDetection.level wins.
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
        boolean epoll = settings.epoll();
        if (epoll) {
            requireEpoll();
        }
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        this.group = new MultiThreadIoEventLoopGroup(settings.ioThreads(), Thread.ofPlatform().name("rowan-io-", 0).daemon(false).factory(), io);
        var decoder = decoderConfig(settings);
        long idleMillis = Math.max(1, settings.idleTimeout().toMillis());
        try {
            this.serverChannel = new ServerBootstrap()
                    .group(group)
                    .channel(channelType)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            connections.add(ch);
                            ch.pipeline()
                                    .addLast("idle", new IdleStateHandler(idleMillis, 0, 0, TimeUnit.MILLISECONDS))
                                    .addLast("decoder", new StrictRequestDecoder(decoder, settings.headTimeout()))
                                    .addLast("encoder", new HttpResponseEncoder())
                                    .addLast("rowan", new ConnectionHandler(dispatcher, settings, NettyServer.this));
                        }
                    })
                    .bind(new InetSocketAddress(settings.host(), settings.port()))
                    .syncUninterruptibly()
                    .channel();
            DateHeader.tick();
            group.next().scheduleAtFixedRate(DateHeader::tick, DateHeader.TICK_MILLIS, DateHeader.TICK_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new IllegalStateException("Cannot listen on " + settings.host() + ":" + settings.port() + " (" + e.getMessage()
                    + "). Is another server using this port? Choose another with server.port or PORT.", e);
        }
    }

    /** Asked for explicitly, so a machine without it is a configuration error, not a silent fallback. */
    private static void requireEpoll() {
        if (!Epoll.isAvailable()) {
            throw new Config.ConfigException("core.E013", "server.transport=epoll, but Netty's epoll transport cannot load here ("
                    + Epoll.unavailabilityCause() + "). It needs Linux and the netty-transport-native-epoll jar for this CPU"
                    + " (Rowan brings the linux-x86_64 one). Remove the setting to use the JDK's NIO.");
        }
    }

    /** How Netty's HTTP/1.1 parser is set up for {@link StrictRequestDecoder} (the fuzz target uses the same). */
    static HttpDecoderConfig decoderConfig(ServerSettings settings) {
        return new HttpDecoderConfig()
                .setMaxInitialLineLength(settings.maxInitialLineLength())
                .setMaxHeaderSize(settings.maxHeaderSize())
                .setMaxChunkSize(64 * 1024)
                .setValidateHeaders(true)
                .setAllowDuplicateContentLengths(false)
                .setStrictLineParsing(true)
                .setUseRfc9112TransferEncoding(true);
    }

    public static NettyServer start(Dispatcher dispatcher, ServerSettings settings) {
        return new NettyServer(dispatcher, settings);
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /**
     * Runs {@code task} on a new virtual thread when the calling event loop ends its current round
     * of I/O. The tasks of one round start together, through one virtual thread that starts the
     * others from the scheduler's own thread: started one by one from the event loop, each would
     * wake the scheduler's carrier thread, and on a busy core every wake-up is a switch between the
     * two threads (a tenth of the CPU in a pipelined profile). Only the event loop calls this.
     */
    void startWorker(Runnable task, EventExecutor loop) {
        batches.get().add(task, loop);
    }

    /** One event loop's tasks for the current round; confined to that loop's thread. */
    private final class WorkerBatch implements Runnable {
        private final ArrayList<Runnable> tasks = new ArrayList<>();

        void add(Runnable task, EventExecutor loop) {
            if (tasks.isEmpty()) {
                loop.execute(this); // from inside the loop: runs after this round's I/O, no wake-up
            }
            tasks.add(task);
        }

        @Override
        public void run() {
            Runnable[] round = tasks.toArray(Runnable[]::new);
            tasks.clear(); // first: whatever happens below, the next round starts empty
            if (round.length == 1) {
                workers.newThread(round[0]).start();
            } else {
                workers.newThread(() -> {
                    for (Runnable r : round) {
                        workers.newThread(r).start();
                    }
                }).start();
            }
        }
    }

    boolean shuttingDown() {
        return shuttingDown;
    }

    void requestStarted() {
        inFlight.incrementAndGet();
    }

    void requestFinished() {
        inFlight.decrementAndGet();
    }

    /**
     * Stops accepting, waits up to {@code timeout} for in-flight requests and for every connection
     * to finish writing its answers and close, then closes whatever is left.
     */
    public void stop(Duration timeout) {
        shuttingDown = true;
        serverChannel.close().syncUninterruptibly();
        connections.forEach(ch -> ch.pipeline().fireUserEventTriggered(SHUTDOWN));
        long deadline = System.nanoTime() + timeout.toNanos();
        // Each connection closes itself once its last answer is written (see ConnectionHandler); one
        // closed from here before that loses the rest of an answer to a request that was carried out.
        while ((inFlight.get() > 0 || !connections.isEmpty()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        connections.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
}
