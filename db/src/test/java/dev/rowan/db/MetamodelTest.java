package dev.rowan.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rowan.db.library.Author;
import dev.rowan.db.library.Book;
import dev.rowan.db.library.Profile;
import dev.rowan.db.library.Review;
import dev.rowan.db.library.Sample;
import dev.rowan.db.library.Tag;
import dev.rowan.db.metamodel.BadNames;
import dev.rowan.db.metamodel.Shelf;
import dev.rowan.db.polls.Choice;
import dev.rowan.db.polls.Question;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The metamodel generator: checked-in files are current, output compiles, types are right and safe. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetamodelTest {
    private static final ModelMeta<?>[] POLLS = {Question.META, Choice.META};
    private static final ModelMeta<?>[] LIBRARY = {Author.META, Book.META, Profile.META, Review.META, Sample.META, Tag.META};
    private static final ModelMeta<?>[] FIXTURES = {dev.rowan.db.metamodel.Path.META, Shelf.META, Shelf.Slot.META};

    private Path tmp;
    private Path generated;
    private Path classes;
    private ClassLoader fresh;

    /** Generates every set into a fresh folder and compiles it once, with the build's lint settings. */
    @BeforeAll
    void generateAndCompile(@TempDir Path dir) throws IOException {
        tmp = dir;
        generated = Files.createDirectories(tmp.resolve("src"));
        classes = Files.createDirectories(tmp.resolve("classes"));
        List<Path> sources = new ArrayList<>();
        for (ModelMeta<?>[] set : List.of(POLLS, LIBRARY, FIXTURES)) {
            sources.addAll(Metamodel.generate(generated, set));
        }
        assertThat(compile(classes, sources)).as("javac errors").isEmpty();
        fresh = new GeneratedFirst(classes.toUri().toURL(), getClass().getClassLoader());
    }

    @Test
    void checkedInMetamodelsAreUpToDate() throws URISyntaxException {
        // Fails the build when a test model changes without regenerating (see docs/topics/db.md, "Typed queries").
        Path testSources = moduleDir().resolve("src/test/java");
        assertThat(Metamodel.check(testSources, POLLS)).isEmpty();
        assertThat(Metamodel.check(testSources, LIBRARY)).isEmpty();
    }

    @Test
    void everyFieldTypeGetsItsJavaType() throws Exception {
        Map<String, Type> expected = new LinkedHashMap<>();
        expected.put("amount", java.math.BigDecimal.class);
        expected.put("big", Long.class);
        expected.put("blob", byte[].class);
        expected.put("chars", String.class);
        expected.put("clock", LocalTime.class);
        expected.put("color", Sample.Color.class);
        expected.put("data", String.class);
        expected.put("day", LocalDate.class);
        expected.put("email", String.class);
        expected.put("flag", Boolean.class);
        expected.put("id", Long.class);
        expected.put("integer", Integer.class);
        expected.put("link", String.class);
        expected.put("moment", Instant.class);
        expected.put("precise", Double.class);
        expected.put("ratio", Float.class);
        expected.put("slug", String.class);
        expected.put("small", Short.class);
        expected.put("span", Duration.class);
        expected.put("text", String.class);
        expected.put("uid", UUID.class);
        Map<String, String> want = new LinkedHashMap<>();
        expected.forEach((name, type) -> want.put(name, dev.rowan.db.Path.class.getName() + "<" + Sample.class.getName()
                + ", " + type.getTypeName() + ">"));
        Map<String, String> have = new LinkedHashMap<>();
        constants("dev.rowan.db.library.Sample_").forEach((name, type) -> have.put(name, type.getTypeName()));
        assertThat(have).containsExactlyEntriesOf(want);
    }

    @Test
    void relationsAreTypedByTheirTargetBothWays() throws Exception {
        Map<String, Type> book = constants("dev.rowan.db.library.Book_");
        assertThat(book.get("author").getTypeName()).isEqualTo(relation(Book.class, Author.class));
        assertThat(book.get("tags").getTypeName()).isEqualTo(relation(Book.class, Tag.class));        // many-to-many
        assertThat(book.get("reviews").getTypeName()).isEqualTo(relation(Book.class, Review.class));  // reverse FK
        Map<String, Type> author = constants("dev.rowan.db.library.Author_");
        assertThat(author.keySet()).containsExactly("born", "id", "name", "books", "edited", "profile");
        assertThat(author.get("profile").getTypeName()).isEqualTo(relation(Author.class, Profile.class)); // reverse 1:1
        assertThat(constants("dev.rowan.db.library.Tag_").get("books").getTypeName())
                .isEqualTo(relation(Tag.class, Book.class));                                        // reverse m2m
        assertThat(constants("dev.rowan.db.metamodel.Shelf_").keySet())
                .containsExactly("id", "name", "parent", "children", "paths", "slots");
        assertThat(constants("dev.rowan.db.metamodel.Shelf_Slot_").get("position").getTypeName())
                .isEqualTo(dev.rowan.db.Path.class.getName() + "<" + Shelf.Slot.class.getName() + ", java.lang.Short>");
    }

    @Test
    void relationPathsOnlyFollowIntoTheRelatedModel() throws IOException {
        Path good = write("check/Good.java", """
                package check;
                import dev.rowan.db.Path; import dev.rowan.db.Q; import dev.rowan.db.RelationPath;
                import dev.rowan.db.library.*; import dev.rowan.db.polls.*; import java.time.Instant;
                class Good {
                    Path<Choice, Integer> year = Choice_.question.then(Question_.pubDate).year();
                    RelationPath<Review, Author> author = Review_.book.then(Book_.author);
                    Path<Tag, String> name = Tag_.books.then(Book_.author).then(Author_.name);
                    Q q = Question_.pubDate.lte(Instant.EPOCH);
                }
                """);
        assertThat(compile(tmp.resolve("good"), List.of(good), classes)).isEmpty();
        Path bad = write("check/Bad.java", """
                package check;
                import dev.rowan.db.library.*; import dev.rowan.db.polls.*;
                class Bad {
                    Object notARelation = Choice_.votes.then(Question_.pubDate);
                    Object wrongModel = Choice_.question.then(Choice_.votes);
                    Object wrongValue = Question_.pubDate.lte("yesterday");
                    Object manyToManyGoesToTag = Book_.tags.then(Author_.name);
                }
                """);
        Set<Long> errorLines = new TreeSet<>();
        compile(tmp.resolve("bad"), List.of(bad), classes).forEach(d -> errorLines.add(d.getLineNumber()));
        assertThat(errorLines).containsExactly(4L, 5L, 6L, 7L);
    }

    @Test
    void modelNamedPathGetsQualifiedNames() throws IOException {
        String source = Files.readString(generated.resolve("dev/rowan/db/metamodel/Path_.java"));
        assertThat(source).contains("public static final dev.rowan.db.Path<dev.rowan.db.metamodel.Path, String> label"
                + " = dev.rowan.db.Path.of(\"label\");").doesNotContain("import dev.rowan.db.Path;");
    }

    @Test
    void outputIsDeterministicAndUnchangedFilesAreNotRewritten() throws IOException {
        Path root = tmp.resolve("again");
        List<Path> files = Metamodel.generate(root, POLLS);
        FileTime old = FileTime.fromMillis(0);
        for (Path f : files) {
            Files.setLastModifiedTime(f, old);
        }
        Metamodel.generate(root, Choice.META, Question.META);
        for (Path f : files) {
            assertThat(Files.getLastModifiedTime(f)).isEqualTo(old);
            assertThat(Files.readString(f)).isEqualTo(Files.readString(generated.resolve(root.relativize(f))));
        }
        assertThat(Files.readString(files.get(0))).startsWith("// Generated by dev.rowan.db.Metamodel")
                .contains("Do not edit.");
    }

    @Test
    void checkListsMissingAndStaleFilesButIgnoresLineEndings() throws IOException {
        Path root = tmp.resolve("check");
        Path question = root.resolve("dev/rowan/db/polls/Question_.java");
        Path choice = root.resolve("dev/rowan/db/polls/Choice_.java");
        assertThat(Metamodel.check(root, POLLS)).containsExactly(question, choice);
        Metamodel.generate(root, POLLS);
        assertThat(Metamodel.check(root, POLLS)).isEmpty();
        Files.writeString(question, Files.readString(question).replace("\n", "\r\n"));
        Files.writeString(choice, Files.readString(choice).replace("votes", "likes"));
        assertThat(Metamodel.check(root, POLLS)).containsExactly(choice);
        // Generating Question alone drops its reverse relation from Choice: a different, stale file.
        assertThat(Metamodel.check(generated, Question.META)).containsExactly(generated.resolve("dev/rowan/db/polls/Question_.java"));
    }

    @Test
    void mainGeneratesAndChecks() throws IOException {
        Path root = tmp.resolve("main");
        String[] models = {"dev.rowan.db.polls.Question", "dev.rowan.db.polls.Choice"};
        assertThatThrownBy(() -> Metamodel.main(args(models, "--check", root.toString())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("db.E205").hasMessageContaining("Question_.java");
        Metamodel.main(args(models, root.toString()));
        Metamodel.main(args(models, "--check", root.toString()));
        assertThat(Files.readString(root.resolve("dev/rowan/db/polls/Choice_.java")))
                .isEqualTo(Files.readString(generated.resolve("dev/rowan/db/polls/Choice_.java")));
    }

    @Test
    void mainExplainsBadArguments() {
        assertThatThrownBy(() -> Metamodel.main(new String[] {"src/main/java", "dev.rowan.db.polls.Questoin"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("db.E201").hasMessageContaining("'dev.rowan.db.polls.Questoin'");
        assertThatThrownBy(() -> Metamodel.main(new String[] {"src/main/java", "java.lang.String"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("db.E202: java.lang.String is not a model class");
        assertThatThrownBy(() -> Metamodel.main(new String[] {"src/main/java"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("db.E200: usage");
    }

    @Test
    void pathsThatCannotBeConstantsAreRefused() {
        assertThatThrownBy(() -> Metamodel.generate(tmp.resolve("bad"), Shelf.META, BadNames.Spaced.META))
                .hasMessageContaining("db.E204").hasMessageContaining("'spaced out'").hasMessageContaining("relatedName");
        assertThatThrownBy(() -> Metamodel.generate(tmp.resolve("bad"), Shelf.META, BadNames.Clashing.META))
                .hasMessageContaining("db.E203: metamodel.Shelf has two paths named 'name'");
    }

    // ---- helpers ------------------------------------------------------------------------------

    private Map<String, Type> constants(String className) throws ClassNotFoundException {
        Map<String, Type> out = new LinkedHashMap<>();
        for (java.lang.reflect.Field f : Class.forName(className, false, fresh).getDeclaredFields()) {
            out.put(f.getName(), f.getGenericType());
        }
        return out;
    }

    private static String relation(Class<?> model, Class<?> target) {
        return RelationPath.class.getName() + "<" + model.getName() + ", " + target.getName() + ">";
    }

    private Path write(String relative, String source) throws IOException {
        Path file = tmp.resolve("snippets").resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, source);
    }

    private static String[] args(String[] models, String... head) {
        return Stream.concat(Stream.of(head), Stream.of(models)).toArray(String[]::new);
    }

    /** Compiles against the test class path (plus {@code extra}), with the build's -Xlint/-Werror settings. */
    private static List<Diagnostic<? extends JavaFileObject>> compile(Path out, List<Path> sources, Path... extra)
            throws IOException {
        Files.createDirectories(out);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> cp = new ArrayList<>();
        Arrays.stream(extra).map(Path::toString).forEach(cp::add);
        cp.add(System.getProperty("java.class.path"));
        cp.add(location(dev.rowan.db.Path.class));
        cp.add(location(Question.class));
        List<String> options = List.of("--release", "21", "-proc:none", "-Xlint:all,-processing,-serial,-try,-path",
                "-Werror", "-d", out.toString(), "-cp", String.join(File.pathSeparator, cp));
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
            javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
        }
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR
                || d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING).toList();
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path moduleDir() throws URISyntaxException {
        URI testClasses = MetamodelTest.class.getProtectionDomain().getCodeSource().getLocation().toURI();
        return Path.of(testClasses).getParent().getParent();   // db/target/test-classes -> db
    }

    /** Loads the freshly compiled {@code *_} classes instead of the checked-in ones on the test class path. */
    private static final class GeneratedFirst extends URLClassLoader {
        GeneratedFirst(URL classes, ClassLoader parent) {
            super(new URL[] {classes}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.endsWith("_")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException e) {
                        return super.loadClass(name, resolve);
                    }
                }
                return c;
            }
        }
    }
}
