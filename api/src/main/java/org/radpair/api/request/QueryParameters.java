package org.radpair.api.request;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import org.radpair.api.problem.AcceptedDates;
import org.radpair.api.problem.InvalidQueryParameter;

/**
 * Typed query parameters: dates in the accepted range, enum constants (any case), strict booleans and whole numbers
 * within {@link Between}. A bad value is a 400 problem naming the parameter; an empty value reads as absent (null).
 */
@Provider
public class QueryParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) converter(value -> AcceptedDates.parameter(name, value));
        }
        if (rawType == Boolean.class) {
            return (ParamConverter<T>) converter(value -> flag(name, value));
        }
        if (rawType == Integer.class) {
            Between range = annotation(annotations, Between.class);
            return (ParamConverter<T>) converter(value -> integer(name, value, range));
        }
        if (rawType.isEnum()) {
            return converter(value -> enumValue(rawType, name, value));
        }
        return null;
    }

    /**
     * A strict boolean: JAX-RS would read any unexpected word as false, and a typo such as
     * {@code persist=ture} must not silently skip the audit record.
     */
    public static boolean flag(String name, String value) {
        if ("true".equalsIgnoreCase(value.strip())) {
            return true;
        }
        if ("false".equalsIgnoreCase(value.strip())) {
            return false;
        }
        throw new InvalidQueryParameter(name, "must be true or false");
    }

    private static Integer integer(String name, String value, Between range) {
        int parsed;
        try {
            parsed = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidQueryParameter(name, "must be a whole number");
        }
        if (range != null && (parsed < range.min() || parsed > range.max())) {
            throw new InvalidQueryParameter(name, "must be between " + range.min() + " and " + range.max());
        }
        return parsed;
    }

    private static <T> T enumValue(Class<T> type, String name, String value) {
        String wanted = value.strip().toUpperCase(Locale.ROOT);
        for (T constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(wanted)) {
                return constant;
            }
        }
        throw new InvalidQueryParameter(name, "must be one of " + List.of(type.getEnumConstants()));
    }

    private static <T> ParamConverter<T> converter(Function<String, T> read) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                return value == null || value.isBlank() ? null : read.apply(value);
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static String nameOf(Annotation[] annotations) {
        QueryParam query = annotation(annotations, QueryParam.class);
        return query == null ? null : query.value();
    }

    private static <A extends Annotation> A annotation(Annotation[] annotations, Class<A> type) {
        if (annotations == null) {
            return null;
        }
        for (Annotation annotation : annotations) {
            if (type.isInstance(annotation)) {
                return type.cast(annotation);
            }
        }
        return null;
    }
}
