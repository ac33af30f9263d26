package org.radpair.api.request;

import java.lang.annotation.ElementType;

import jakarta.inject.Singleton;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;

import org.hibernate.validator.BaseHibernateValidatorConfiguration;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;

/**
 * Bean Validation checks request bodies and parameters only, never entities: every property is reachable and cascadable.
 * With Hibernate ORM present, Quarkus otherwise asks JPA whether each property of each validated object is loaded, and
 * Hibernate Validator caches those answers per validation, hashing every property path: together about a third of the
 * validator's time on a claim (docs/PERFORMANCE.md, "Third pass").
 */
@Singleton
public class RequestShapeValidation implements ValidatorFactoryCustomizer {

    /** Every property of a request is traversed: requests are plain records, with nothing lazily loaded. */
    static final class EveryProperty implements TraversableResolver {

        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootBean, Path path, ElementType type) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBean, Path path, ElementType type) {
            return true;
        }
    }

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        configuration.traversableResolver(new EveryProperty()).enableTraversableResolverResultCache(false);
    }
}
