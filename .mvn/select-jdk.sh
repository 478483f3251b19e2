# Sourced by .ci/run and ./orderflow-local: the JDK orderflow is measured and run on (ADR 0022) is JDK 25 where
# installed, unless JAVA_HOME says otherwise; any JDK 17 or later builds and runs it.
if [[ -z "${JAVA_HOME:-}" ]]; then
  for jdk in /usr/lib/jvm/temurin-25-jdk-* /usr/lib/jvm/java-25-openjdk-*; do
    if [[ -x "$jdk/bin/java" ]]; then
      export JAVA_HOME="$jdk"
      break
    fi
  done
fi
