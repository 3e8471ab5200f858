package dev.rowan.bench.rawnetty;

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
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;

import java.util.concurrent.TimeUnit;

/**
 * Raw Netty 4.2: {@link HttpServerCodec} on the event loop, the application handler on a fresh
 * virtual thread per request (the model Rowan's adapter uses), the response written back from it.
 * Epoll when available, as Rowan's core uses it. Serves on env {@code PORT} (default 8080).
 */
public final class RawNettyServer {
    private RawNettyServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channel = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(io);
        group.scheduleAtFixedRate(HttpDate::refresh, 1, 1, TimeUnit.SECONDS);
        try {
            Channel server = new ServerBootstrap()
                    .group(group)
                    .channel(channel)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline().addLast(new HttpServerCodec(), new BenchHandler());
                        }
                    })
                    .bind(port).sync().channel();
            System.out.println("raw-netty listening on " + port + (epoll ? " (epoll)" : " (nio)"));
            server.closeFuture().sync();
        } finally {
            group.shutdownGracefully();
        }
    }
}
