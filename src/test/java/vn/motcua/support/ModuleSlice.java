package vn.motcua.support;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.springframework.context.ApplicationContext;

/** What an {@code @ApplicationModuleTest} slice really booted: the application's beans by module. */
public final class ModuleSlice {

    private ModuleSlice() {
    }

    /**
     * The modules ({@code vn.motcua.<module>}) whose beans the context holds; a slice that boots more than its module
     * and its dependencies is no slice, and its test would prove less than it says.
     */
    public static List<String> modulesIn(ApplicationContext context) {
        return Arrays.stream(context.getBeanDefinitionNames())
                .map(name -> {
                    Class<?> type = context.getType(name, false);
                    return type == null ? null : type.getName();
                })
                .filter(Objects::nonNull)
                .filter(n -> n.startsWith("vn.motcua.") && n.indexOf('.', "vn.motcua.".length()) > 0)
                .map(n -> n.substring("vn.motcua.".length(), n.indexOf('.', "vn.motcua.".length())))
                .distinct().sorted().toList();
    }
}
