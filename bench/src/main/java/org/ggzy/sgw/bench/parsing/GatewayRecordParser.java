package org.ggzy.sgw.bench.parsing;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import org.ggzy.sgw.gateway.push.PushProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The gateway's own push-body parser, {@code org.ggzy.sgw.gateway.push.RecordParser}, with the limits the application
 * starts with ({@link PushProperties}' defaults, bound as Spring binds them: at most 1,000 records, nesting depth 32,
 * strings of at most 1,000,000 characters). The parser and its records ({@code RawRecord}) are package-private in the
 * gateway, so they are reached through reflection, once, at construction; each call to {@link #parse} is then one call
 * of a method handle to the real {@code RecordParser.parse(byte[], boolean)}.
 */
public final class GatewayRecordParser {

    private static final String PARSER = "org.ggzy.sgw.gateway.push.RecordParser";
    private static final String RECORD = "org.ggzy.sgw.gateway.push.RawRecord";

    private final PushProperties properties;
    private final Object parser;
    private final MethodHandle parse;
    private final MethodHandle payload;
    private final MethodHandle node;

    public GatewayRecordParser() {
        this(defaults());
    }

    public GatewayRecordParser(PushProperties properties) {
        this.properties = properties;
        try {
            Class<?> parserClass = Class.forName(PARSER);
            Constructor<?> constructor = parserClass.getDeclaredConstructor(int.class, int.class, int.class);
            constructor.setAccessible(true);
            this.parser = constructor.newInstance(
                    properties.maxRecords(), properties.maxDepth(), properties.maxStringLength());
            Method parseMethod = parserClass.getDeclaredMethod("parse", byte[].class, boolean.class);
            parseMethod.setAccessible(true);
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            this.parse = lookup.unreflect(parseMethod);
            Class<?> recordClass = Class.forName(RECORD);
            this.payload = accessor(lookup, recordClass, "payload");
            this.node = accessor(lookup, recordClass, "node");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the gateway's RecordParser is not where the benchmark expects it", e);
        }
    }

    /** The push API's limits as the application has them when nothing is configured. */
    public static PushProperties defaults() {
        return new Binder(new MapConfigurationPropertySource(new HashMap<String, String>()))
                .bindOrCreate("sgw.push", PushProperties.class);
    }

    public PushProperties properties() {
        return properties;
    }

    /**
     * The records of a push body, as the gateway's {@code RawRecord}s (position, line, exact text, tree); an invalid
     * body throws the gateway's {@code ProblemException}.
     */
    public List<?> parse(byte[] body, boolean ndjson) {
        try {
            return (List<?>) parse.invoke(parser, body, ndjson);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** A parsed record's exact text from the body. */
    public String payload(Object rawRecord) {
        return (String) call(payload, rawRecord);
    }

    /** A parsed record's tree. */
    public JsonNode node(Object rawRecord) {
        return (JsonNode) call(node, rawRecord);
    }

    private static Object call(MethodHandle accessor, Object rawRecord) {
        try {
            return accessor.invoke(rawRecord);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static MethodHandle accessor(MethodHandles.Lookup lookup, Class<?> recordClass, String name)
            throws ReflectiveOperationException {
        Method method = recordClass.getDeclaredMethod(name);
        method.setAccessible(true);
        return lookup.unreflect(method);
    }
}
