package org.innofund.web.shared;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;
import jakarta.el.FunctionMapper;
import jakarta.el.PropertyNotWritableException;
import jakarta.el.VariableMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class RecordELResolverTest {

    public record Call(String title, BigDecimal budget, List<String> tags) {
    }

    public record Failing(String value) {
        @Override
        public String value() {
            throw new IllegalStateException("boom");
        }
    }

    /** A plain bean with a getter of the same name, which this resolver must leave to the bean resolver. */
    public static final class Bean {
        public String getTitle() {
            return "bean";
        }
    }

    private final RecordELResolver resolver = new RecordELResolver();
    private ELContext context;

    @BeforeEach
    void newContext() {
        context = new ELContext() {
            @Override
            public ELResolver getELResolver() {
                return resolver;
            }

            @Override
            public FunctionMapper getFunctionMapper() {
                return null;
            }

            @Override
            public VariableMapper getVariableMapper() {
                return null;
            }
        };
    }

    private final Call call = new Call("2025 年度研发投入后补助", new BigDecimal("5000000.00"), List.of("a", "b"));

    @Test
    void readsARecordComponent() {
        assertEquals("2025 年度研发投入后补助", resolver.getValue(context, call, "title"));
        assertTrue(context.isPropertyResolved());
    }

    @Test
    void readsEveryComponentAsItIs() {
        assertEquals(new BigDecimal("5000000.00"), resolver.getValue(context, call, "budget"));
        assertTrue(context.isPropertyResolved());
        context.setPropertyResolved(false);
        assertSame(call.tags(), resolver.getValue(context, call, "tags"));
        assertTrue(context.isPropertyResolved());
    }

    @Test
    void anUnknownComponentIsLeftToOtherResolvers() {
        assertNull(resolver.getValue(context, call, "guide"));
        assertFalse(context.isPropertyResolved());
        assertNull(resolver.getValue(context, call, "getTitle"));
        assertFalse(context.isPropertyResolved());
    }

    @Test
    void aNonRecordIsLeftToOtherResolvers() {
        assertNull(resolver.getValue(context, new Bean(), "title"));
        assertFalse(context.isPropertyResolved());
        assertNull(resolver.getValue(context, null, "title"));
        assertFalse(context.isPropertyResolved());
        assertNull(resolver.getValue(context, "text", "length"));
        assertFalse(context.isPropertyResolved());
    }

    @Test
    void aPropertyThatIsNotANameIsLeftToOtherResolvers() {
        assertNull(resolver.getValue(context, call, 0));
        assertFalse(context.isPropertyResolved());
        assertNull(resolver.getValue(context, call, null));
        assertFalse(context.isPropertyResolved());
    }

    @Test
    void anAccessorThatFailsIsAnELException() {
        ELException e = assertThrows(ELException.class, () -> resolver.getValue(context, new Failing("x"), "value"));
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof IllegalStateException)) {
            cause = cause.getCause();
        }
        assertInstanceOf(IllegalStateException.class, cause);
        assertEquals("boom", cause.getMessage());
    }

    @Test
    void recordsCannotBeWritten() {
        PropertyNotWritableException e = assertThrows(PropertyNotWritableException.class,
                () -> resolver.setValue(context, call, "title", "changed"));
        assertTrue(e.getMessage().contains("title"), e.getMessage());
        assertEquals("2025 年度研发投入后补助", call.title());
    }

    @Test
    void writingSomethingElseIsLeftToOtherResolvers() {
        resolver.setValue(context, new Bean(), "title", "changed");
        assertFalse(context.isPropertyResolved());
        resolver.setValue(context, call, "noSuchComponent", "x");
        assertFalse(context.isPropertyResolved());
    }

    @Test
    void recordComponentsAreReadOnly() {
        assertTrue(resolver.isReadOnly(context, call, "title"));
        assertTrue(context.isPropertyResolved());
        context.setPropertyResolved(false);
        assertFalse(resolver.isReadOnly(context, new Bean(), "title"));
        assertFalse(context.isPropertyResolved());
        assertFalse(resolver.isReadOnly(context, call, "noSuchComponent"));
        assertFalse(context.isPropertyResolved());
    }

    @Test
    void theTypeOfAReadOnlyPropertyIsNull() {
        // EL 5: getType returns null for a read-only property, but the property is resolved
        assertNull(resolver.getType(context, call, "title"));
        assertTrue(context.isPropertyResolved());
        context.setPropertyResolved(false);
        assertNull(resolver.getType(context, new Bean(), "title"));
        assertFalse(context.isPropertyResolved());
    }

    @Test
    void commonPropertyTypeOnlyForRecords() {
        assertEquals(Object.class, resolver.getCommonPropertyType(context, call));
        assertNull(resolver.getCommonPropertyType(context, new Bean()));
        assertNull(resolver.getCommonPropertyType(context, null));
    }
}
