package io.modyn.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against a Modyn server started for it: test methods (and lifecycle methods)
 * may take a {@link ModynServer}, its endpoint {@link java.net.URI}, or a ready
 * {@code software.amazon.awssdk.services.dynamodb.DynamoDbClient} when the SDK is on the class path.
 * The distribution comes from the system property {@code modyn.distribution} (see
 * {@link ModynDistribution}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ModynExtension.class)
public @interface ModynTest {

    /** In-memory storage (the default): the fastest start, nothing written to disk. */
    boolean inMemory() default true;

    /**
     * {@link Scope#CLASS} (the default): a server of the class's own, started before its first
     * test and stopped after its last, so every class starts from an empty server.
     * {@link Scope#SUITE}: one server for every class of the run with the same settings, stopped
     * when the run ends; the fastest, and {@link #cleanPerClass()} decides whether a class sees
     * the tables of the classes before it.
     */
    Scope scope() default Scope.CLASS;

    /** With {@link Scope#SUITE}: delete every table before the class runs. */
    boolean cleanPerClass() default true;

    /** More {@code bin/modyn} options, such as {@code {"--region", "eu-west-1"}}. */
    String[] options() default {};

    enum Scope { CLASS, SUITE }
}
