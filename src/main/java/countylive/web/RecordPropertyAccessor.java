package countylive.web;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import ognl.ObjectPropertyAccessor;
import ognl.OgnlException;
import ognl.OgnlRuntime;
import org.thymeleaf.TemplateEngine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a record's components in templates ({@code ${row.gross}}) through handles found once per
 * record class. OGNL, which evaluates Thymeleaf's expressions here, looks for JavaBean getters
 * first; a record has none, so it fell back to scanning all the class's methods on every read,
 * which made a summary page of a few thousand cells spend most of its time in reflection
 * (docs/performance.md). Anything that is not a record component still goes through OGNL's own
 * accessor and Thymeleaf's restrictions.
 */
@Singleton
class RecordPropertyAccessor extends ObjectPropertyAccessor implements BeanCreatedEventListener<TemplateEngine> {

    private static final ClassValue<Map<String, MethodHandle>> COMPONENTS = new ClassValue<>() {
        @Override
        protected Map<String, MethodHandle> computeValue(Class<?> type) {
            Map<String, MethodHandle> handles = new HashMap<>();
            RecordComponent[] components = type.getRecordComponents();
            if (components != null) {
                for (RecordComponent component : components) {
                    Method accessor = component.getAccessor();
                    try {
                        // the application's records are often package-private
                        accessor.setAccessible(true);
                        handles.put(component.getName(), MethodHandles.lookup().unreflect(accessor));
                    } catch (IllegalAccessException | RuntimeException e) {
                        // not readable from here: OGNL decides as it did before
                    }
                }
            }
            return Map.copyOf(handles);
        }
    };

    @Override
    public TemplateEngine onCreated(BeanCreatedEvent<TemplateEngine> event) {
        // OGNL looks an accessor up by the target's class and then its superclasses: every record
        OgnlRuntime.setPropertyAccessor(Record.class, this);
        return event.getBean();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Object getProperty(Map context, Object target, Object name) throws OgnlException {
        MethodHandle accessor = target == null ? null : COMPONENTS.get(target.getClass()).get(String.valueOf(name));
        if (accessor == null) {
            return super.getProperty(context, target, name);
        }
        try {
            return accessor.invoke(target);
        } catch (Throwable e) {
            throw new OgnlException("reading " + name + " of " + target.getClass().getSimpleName(), e);
        }
    }
}
