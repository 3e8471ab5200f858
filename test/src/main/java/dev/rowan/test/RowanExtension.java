package dev.rowan.test;

import dev.rowan.core.App;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gives test methods a {@link TestClient} and the {@link App} under test; used through
 * {@link RowanTest}, or directly with {@code @ExtendWith(RowanExtension.class)}. The client is
 * closed (and a socket-mode app stopped) after each test.
 */
public final class RowanExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(RowanExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestClient.class || type == App.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == App.class ? client(context).app() : client(context);
    }

    private static TestClient client(ExtensionContext context) {
        return context.getStore(NS).computeIfAbsent("client", k -> newClient(context), TestClient.class);
    }

    private static TestClient newClient(ExtensionContext context) {
        App app = findApp(context);
        RowanTest options = findOptions(context.getRequiredTestClass());
        boolean socket = options != null && options.overSocket();
        TestClient client = socket ? TestClient.overSocket(app) : TestClient.of(app);
        return client.followRedirects(options != null && options.followRedirects());
    }

    private static RowanTest findOptions(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            RowanTest t = c.getAnnotation(RowanTest.class);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    private static App findApp(ExtensionContext context) {
        Optional<Object> instance = context.getTestInstance();
        for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
            Optional<Member> source = appSource(c);
            if (source.isPresent()) {
                return produce(source.get(), instance.filter(i -> source.get().getDeclaringClass().isInstance(i)).orElse(null));
            }
        }
        throw new ParameterResolutionException("A @RowanTest class needs the app under test. Add a method `static App app()` "
                + "that builds it, or an `App` field, or mark the method or field that provides it with @TestApp.");
    }

    /** The @TestApp member, else a no-argument {@code app()} method, else the only App field. */
    private static Optional<Member> appSource(Class<?> type) {
        var marked = new ArrayList<Member>();
        var conventional = new ArrayList<Member>();
        var fields = new ArrayList<Member>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getParameterCount() == 0 && App.class.isAssignableFrom(m.getReturnType())) {
                    (m.isAnnotationPresent(TestApp.class) ? marked : m.getName().equals("app") ? conventional : new ArrayList<Member>()).add(m);
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (App.class.isAssignableFrom(f.getType())) {
                    (f.isAnnotationPresent(TestApp.class) ? marked : fields).add(f);
                }
            }
        }
        for (List<Member> candidates : List.of(marked, conventional, fields)) {
            if (candidates.size() > 1) {
                throw new ParameterResolutionException("Several members of " + type.getName() + " could provide the app under test "
                        + candidates.stream().map(Member::getName).toList() + "; mark the one to use with @TestApp.");
            }
            if (candidates.size() == 1) {
                return Optional.of(candidates.get(0));
            }
        }
        return Optional.empty();
    }

    private static App produce(Member member, Object instance) {
        if (!Modifier.isStatic(member.getModifiers()) && instance == null) {
            throw new ParameterResolutionException(member.getName() + " in " + member.getDeclaringClass().getName()
                    + " provides the app but is not static; make it static so nested tests can reach it.");
        }
        Object target = Modifier.isStatic(member.getModifiers()) ? null : instance;
        try {
            Object app = switch (member) {
                case Method m -> {
                    m.setAccessible(true);
                    yield m.invoke(target);
                }
                case Field f -> {
                    f.setAccessible(true);
                    yield f.get(target);
                }
                default -> throw new IllegalStateException(member.toString());
            };
            if (app == null) {
                throw new ParameterResolutionException(member.getName() + " in " + member.getDeclaringClass().getName() + " gave null instead of an App.");
            }
            return (App) app;
        } catch (InvocationTargetException e) {
            throw new ParameterResolutionException("Building the app with " + member.getName() + "() failed: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new ParameterResolutionException("Cannot read " + member.getName() + ": " + e.getMessage(), e);
        }
    }
}
