package io.orderflow.notify.callback;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Puts the test's PostgreSQL one network round trip ({@value #ROUND_TRIP_MICROS} µs) away, as a deployment's
 * database on its own host is: every statement execution, commit and rollback waits that long before it runs.
 * On one machine PostgreSQL answers in microseconds, which hides what a deployment pays per round trip, such as
 * a row lock held across three statements and a commit. The wait stands for the network, so it blocks the
 * calling thread exactly as a socket read would.
 */
@TestConfiguration(proxyBeanMethods = false)
class DistantDatabase {

    static final long ROUND_TRIP_MICROS = 1_000;
    private static final Set<String> ROUND_TRIPS = Set.of(
            "execute",
            "executeQuery",
            "executeUpdate",
            "executeLargeUpdate",
            "executeBatch",
            "executeLargeBatch",
            "commit",
            "rollback");

    @Bean
    static BeanPostProcessor distantDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource ? distant(DataSource.class, dataSource) : bean;
            }
        };
    }

    private static <T> T distant(Class<T> type, T target) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (ROUND_TRIPS.contains(method.getName())) {
                roundTrip();
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return wrap(method, result);
        };
        return type.cast(
                Proxy.newProxyInstance(DistantDatabase.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static void roundTrip() {
        long until = System.nanoTime() + ROUND_TRIP_MICROS * 1_000;
        for (long left = ROUND_TRIP_MICROS * 1_000; left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    /** Connections and statements handed out stay distant; everything else is returned as it is. */
    @SuppressWarnings("unchecked")
    private static Object wrap(Method method, Object result) {
        Class<?> returned = method.getReturnType();
        if (result instanceof Connection connection && returned == Connection.class) {
            return distant(Connection.class, connection);
        }
        if (result instanceof Statement statement
                && Statement.class.isAssignableFrom(returned)
                && returned.isInterface()) {
            return distant((Class<Statement>) returned, statement);
        }
        return result;
    }
}
