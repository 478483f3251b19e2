package io.orderflow.deploy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small Dockerfile lint for orderflow's images (hadolint is not packaged for Debian, npm or
 * Maven Central): pinned bases, a numeric non-root user, exec-form entrypoint with a heap
 * sized from the container, no shell needed at run time, nothing fetched by ADD.
 */
final class DockerfileLint {

    /** One instruction, continuation lines joined. */
    record Instruction(int line, String keyword, String arguments) {}

    private static final Pattern ARG_DEFAULT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\\S+)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");
    private static final Pattern SHARED_ARCHIVE = Pattern.compile("\"-XX:SharedArchiveFile=([^\"]+)\"");
    private static final Pattern NUMERIC_USER = Pattern.compile("(\\d+)(:\\d+)?");
    private static final Pattern SECRET_LIKE =
            Pattern.compile("(?i)[A-Z0-9_]*(SECRET|PASSWORD|TOKEN|API_?KEY)[A-Z0-9_]*=.+");

    private DockerfileLint() {}

    /** The problems of {@code dockerfile}'s text; empty when it passes. */
    static List<String> check(String dockerfile) {
        List<Instruction> instructions = parse(dockerfile);
        List<String> problems = new ArrayList<>();
        Map<String, String> globalArgs = new HashMap<>();
        Set<String> stages = new HashSet<>();
        int finalStage = -1;
        for (int i = 0; i < instructions.size(); i++) {
            Instruction in = instructions.get(i);
            String where = "line " + in.line() + " " + in.keyword();
            switch (in.keyword()) {
                case "ARG" -> {
                    Matcher m = ARG_DEFAULT.matcher(in.arguments());
                    if (finalStage < 0 && m.matches()) {
                        globalArgs.put(m.group(1), m.group(2));
                    }
                    if (SECRET_LIKE.matcher(in.arguments()).find()) {
                        problems.add(where + ": a secret in the image; pass it at run time from a Secret");
                    }
                }
                case "FROM" -> {
                    finalStage = i;
                    String[] words = in.arguments().split("\\s+");
                    String image = words[0].startsWith("--") && words.length > 1 ? words[1] : words[0];
                    String resolved = substitute(image, globalArgs);
                    if (!stages.contains(resolved)) {
                        String problem = Images.problem(resolved);
                        if (problem != null) {
                            problems.add(where + ": base image " + resolved + " is not pinned (" + problem + ")");
                        }
                    }
                    if (words.length >= 3 && words[words.length - 2].equalsIgnoreCase("AS")) {
                        stages.add(words[words.length - 1]);
                    }
                }
                case "ADD" -> {
                    if (in.arguments().matches("(?s).*(https?://|git@).*")) {
                        problems.add(where + ": ADD fetches a URL; download in a build step and verify it instead");
                    }
                }
                case "ENV" -> {
                    if (SECRET_LIKE.matcher(in.arguments()).find()) {
                        problems.add(where + ": a secret in the image; pass it at run time from a Secret");
                    }
                }
                default -> {}
            }
        }
        if (finalStage < 0) {
            return List.of("no FROM instruction");
        }
        checkFinalStage(instructions.subList(finalStage, instructions.size()), problems);
        return problems;
    }

    private static void checkFinalStage(List<Instruction> stage, List<String> problems) {
        Instruction user = null;
        Instruction entrypoint = null;
        StringBuilder runs = new StringBuilder();
        for (Instruction in : stage) {
            switch (in.keyword()) {
                case "USER" -> user = in;
                case "ENTRYPOINT" -> entrypoint = in;
                case "RUN" -> {
                    runs.append(in.arguments()).append('\n');
                    if (!in.arguments().startsWith("[")) {
                        problems.add("line " + in.line() + " RUN: shell form in the run-time image (it has no shell)");
                    }
                }
                case "CMD" -> {
                    if (!in.arguments().startsWith("[")) {
                        problems.add("line " + in.line() + " CMD: shell form; use the exec (JSON array) form");
                    }
                }
                default -> {}
            }
        }
        Matcher numeric =
                user == null ? null : NUMERIC_USER.matcher(user.arguments().trim());
        if (numeric == null || !numeric.matches()) {
            problems.add("the final stage needs USER <uid>[:<gid>], numeric, so that runAsNonRoot can verify it");
        } else if (Long.parseLong(numeric.group(1)) == 0) {
            problems.add("line " + user.line() + " USER: runs as root");
        }
        if (entrypoint == null || !entrypoint.arguments().startsWith("[")) {
            problems.add("the final stage needs an exec-form ENTRYPOINT [\"java\", …] (signals reach the JVM)");
        } else {
            String args = entrypoint.arguments();
            if (!args.contains("\"-jar\"")) {
                problems.add("line " + entrypoint.line() + " ENTRYPOINT: expected java -jar of the application");
            }
            if (!args.contains("\"-XX:MaxRAMPercentage=")) {
                problems.add("line " + entrypoint.line() + " ENTRYPOINT: size the heap from the container with "
                        + "-XX:MaxRAMPercentage");
            }
            Matcher archive = SHARED_ARCHIVE.matcher(args);
            if (archive.find() && !runs.toString().contains("\"-XX:ArchiveClassesAtExit=" + archive.group(1) + "\"")) {
                problems.add("line " + entrypoint.line() + " ENTRYPOINT: maps " + archive.group(1)
                        + ", which no RUN of the final stage writes (-XX:ArchiveClassesAtExit=" + archive.group(1)
                        + "): the JVM would start without it, silently");
            }
        }
    }

    private static String substitute(String text, Map<String, String> args) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(args.getOrDefault(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    static List<Instruction> parse(String dockerfile) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int start = 0;
        String[] lines = dockerfile.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (current.isEmpty() && (line.isEmpty() || line.startsWith("#"))) {
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            if (current.isEmpty()) {
                start = i + 1;
            }
            boolean continues = line.endsWith("\\");
            current.append(continues ? line.substring(0, line.length() - 1) : line)
                    .append(' ');
            if (!continues) {
                String text = current.toString().strip();
                int space = text.indexOf(' ');
                instructions.add(new Instruction(
                        start,
                        (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT),
                        space < 0 ? "" : text.substring(space + 1).strip()));
                current.setLength(0);
            }
        }
        return instructions;
    }
}
