package dev.helpdesk.modulecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every published jar loads on the module path: the published modules and their run-time
 * dependencies (as this module's dependency plugin lists them) are resolved as one module layer
 * with services bound, and every class of every exported package is loaded from it. The BOM
 * lists exactly the published modules, and each ships its sources and javadoc jars.
 */
class PublishedModulesTest {

    private static List<Path> modulePath;
    /** The published artifacts of this build on the module path, by artifact id. */
    private static Map<String, Path> published;
    private static String version;

    @BeforeAll
    static void readTheModulePath() throws IOException {
        String listed = Files.readString(Path.of(property("helpdesk.modulePathFile"))).trim();
        modulePath = new ArrayList<>();
        for (String entry : listed.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                modulePath.add(Path.of(entry));
            }
        }
        version = property("helpdesk.version");
        published = new TreeMap<>();
        for (Path entry : modulePath) {
            artifactOfThisBuild(entry).ifPresent(artifact -> published.put(artifact, entry));
        }
    }

    @Test
    void every_published_module_is_an_explicit_module_or_names_itself() throws IOException {
        assertFalse(published.isEmpty(), "no module of this build on the module path: " + modulePath);
        for (Map.Entry<String, Path> e : published.entrySet()) {
            ModuleDescriptor descriptor = descriptorOf(e.getValue());
            if (descriptor.isAutomatic()) {
                assertTrue(automaticModuleName(e.getValue()) != null,
                        e.getKey() + " has neither module-info nor Automatic-Module-Name");
            }
        }
    }

    @Test
    void the_published_modules_and_their_dependencies_resolve_as_one_layer_and_every_exported_class_loads()
            throws Exception {
        ModuleFinder finder = ModuleFinder.of(modulePath.toArray(Path[]::new));
        Set<String> roots = new TreeSet<>();
        for (Path jar : published.values()) {
            roots.add(descriptorOf(jar).name());
        }

        Configuration configuration = ModuleLayer.boot().configuration()
                .resolveAndBind(finder, ModuleFinder.of(), roots);
        ModuleLayer layer = ModuleLayer.boot()
                .defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());

        int loaded = 0;
        for (String root : roots) {
            Module module = layer.findModule(root).orElseThrow();
            ModuleReference reference = configuration.findModule(root).orElseThrow().reference();
            Set<String> exported = module.getDescriptor().exports().stream()
                    .filter(export -> !export.isQualified())
                    .map(ModuleDescriptor.Exports::source)
                    .collect(Collectors.toSet());
            if (module.getDescriptor().isAutomatic()) {
                exported = module.getDescriptor().packages();
            }
            try (var reader = reference.open()) {
                for (String resource : reader.list().toList()) {
                    String className = classNameOf(resource);
                    if (className == null || !exported.contains(packageOf(className))) {
                        continue;
                    }
                    Class<?> type = Class.forName(className, false, module.getClassLoader());
                    assertEquals(module, type.getModule(), className + " comes from another module");
                    loaded++;
                }
            }
        }
        assertTrue(loaded > 100, "only " + loaded + " exported classes loaded");
    }

    @Test
    void the_check_fails_when_a_published_module_misses_a_dependency() {
        // the behaviour module without the contract it requires: resolution must fail
        Path core = published.get("helpdesk-core");
        ModuleFinder withoutTheContract = ModuleFinder.of(modulePath.stream()
                .filter(p -> !p.equals(published.get("helpdesk-spi")))
                .toArray(Path[]::new));
        Exception failure = assertThrows(Exception.class, () -> ModuleLayer.boot().configuration()
                .resolveAndBind(withoutTheContract, ModuleFinder.of(), Set.of(descriptorOf(core).name())));
        assertTrue(failure instanceof FindException || failure instanceof ResolutionException,
                "resolution failed with " + failure);
        assertTrue(failure.getMessage().contains("dev.helpdesk.spi"), failure.getMessage());
    }

    @Test
    void the_bom_lists_every_published_module_of_the_build_and_each_module_it_lists_is_checked() throws Exception {
        Set<String> inTheBom = bomArtifacts();
        for (String artifact : published.keySet()) {
            assertTrue(inTheBom.contains(artifact), artifact + " is published but missing from helpdesk-bom");
        }
        Path root = Path.of(property("helpdesk.root"));
        for (String artifact : inTheBom) {
            // a module the BOM lists and this build has must be on the checked module path
            if (Files.exists(root.resolve(artifact).resolve("pom.xml"))) {
                assertTrue(published.containsKey(artifact),
                        artifact + " is in the BOM but not among helpdesk-module-check's dependencies");
            }
        }
    }

    @Test
    void every_published_jar_ships_its_sources_and_javadoc() {
        for (Map.Entry<String, Path> e : published.entrySet()) {
            Path jar = e.getValue();
            if (Files.isDirectory(jar)) {
                continue; // a build that stops before package resolves to the classes folder
            }
            String base = e.getKey() + "-" + version;
            for (String classifier : List.of("sources", "javadoc")) {
                Path attached = jar.resolveSibling(base + "-" + classifier + ".jar");
                assertTrue(Files.isRegularFile(attached), e.getKey() + " has no " + classifier + " jar: " + attached);
            }
        }
    }

    /** The artifact id when the entry is a module of this build: its jar, or its classes folder. */
    private static java.util.Optional<String> artifactOfThisBuild(Path entry) {
        Path file = entry.getFileName();
        if (file == null) {
            return java.util.Optional.empty();
        }
        String name = file.toString();
        if (name.startsWith("helpdesk-") && name.endsWith("-" + version + ".jar")) {
            return java.util.Optional.of(name.substring(0, name.length() - ("-" + version + ".jar").length()));
        }
        if (name.equals("classes") && entry.getParent() != null && entry.getParent().getParent() != null
                && entry.getParent().getFileName().toString().equals("target")) {
            String module = entry.getParent().getParent().getFileName().toString();
            if (module.startsWith("helpdesk-")) {
                return java.util.Optional.of(module);
            }
        }
        return java.util.Optional.empty();
    }

    private static ModuleDescriptor descriptorOf(Path jar) {
        return ModuleFinder.of(jar).findAll().stream()
                .findFirst().orElseThrow(() -> new AssertionError("not a module: " + jar))
                .descriptor();
    }

    private static String automaticModuleName(Path jar) throws IOException {
        if (Files.isDirectory(jar)) {
            return null;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            var manifest = file.getManifest();
            return manifest == null ? null : manifest.getMainAttributes().getValue("Automatic-Module-Name");
        }
    }

    private static Set<String> bomArtifacts() throws Exception {
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of(property("helpdesk.bom")).toFile());
        NodeList dependencies = document.getElementsByTagName("dependency");
        Set<String> artifacts = new TreeSet<>();
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            String group = dependency.getElementsByTagName("groupId").item(0).getTextContent().trim();
            if (group.equals("dev.helpdesk")) {
                artifacts.add(dependency.getElementsByTagName("artifactId").item(0).getTextContent().trim());
            }
        }
        return artifacts;
    }

    private static String classNameOf(String resource) {
        if (!resource.endsWith(".class") || resource.equals("module-info.class")
                || resource.startsWith("META-INF/")) {
            return null;
        }
        return resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set (run through Maven)");
        }
        return value;
    }
}
