# Sourced by ./mvnw and the bin/ launchers: exports JAVA_HOME pointing at a JDK >= 21.
# Order: $JAVA_HOME if it is recent enough, else the newest JDK >= 21 under /usr/lib/jvm,
# else the java on the PATH. JDK 25 or newer is preferred when JAVA_HOME is unset or too old,
# because the optimizing JavaScript compiler that scoring uses needs it.

# Both functions below set variables rather than print, so that finding the JDK starts no process when the JDK has
# a release file: every bilan command pays for this before its JVM starts.

bilan_java_major() {
  # Sets _major to the feature version of the JDK at $1 (e.g. 25), or to nothing.
  _major=""
  if [ -r "$1/release" ]; then
    while IFS= read -r _line || [ -n "$_line" ]; do
      case "$_line" in
        JAVA_VERSION=\"[0-9]*)
          _major=${_line#JAVA_VERSION=\"}
          _major=${_major%%[!0-9]*}
          return 0
          ;;
      esac
    done < "$1/release"
  elif [ -x "$1/bin/java" ]; then
    _major=$("$1/bin/java" -XshowSettings:properties -version 2>&1 |
      sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
  fi
}

bilan_find_java() {
  # Sets _bilan_java_home and BILAN_JAVA_MAJOR to the JDK to use, or fails.
  if [ -n "${JAVA_HOME:-}" ]; then
    bilan_java_major "$JAVA_HOME"
    if [ -n "$_major" ] && [ "$_major" -ge 21 ]; then
      _bilan_java_home="$JAVA_HOME" BILAN_JAVA_MAJOR="$_major"
      return 0
    fi
  fi
  _best="" _best_major=0
  for _candidate in /usr/lib/jvm/*; do
    [ -x "$_candidate/bin/javac" ] || continue
    bilan_java_major "$_candidate"
    [ -n "$_major" ] || continue
    if [ "$_major" -gt "$_best_major" ]; then
      _best="$_candidate" _best_major="$_major"
    fi
  done
  if [ "$_best_major" -ge 21 ]; then
    _bilan_java_home="$_best" BILAN_JAVA_MAJOR="$_best_major"
    return 0
  fi
  if command -v javac >/dev/null 2>&1; then
    _path_home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    bilan_java_major "$_path_home"
    if [ -n "$_major" ] && [ "$_major" -ge 21 ]; then
      _bilan_java_home="$_path_home" BILAN_JAVA_MAJOR="$_major"
      return 0
    fi
  fi
  return 1
}

if bilan_find_java; then
  JAVA_HOME="$_bilan_java_home"
  export JAVA_HOME
  # Flags for the project's own JVMs. JDK 25 runs GraalJS with the optimizing compiler from
  # <build dir>/graal-compiler (see bilan_graal_flags); JDK 23+ is told that Truffle's use of
  # sun.misc.Unsafe is expected, instead of warning on every start.
  BILAN_JVM_FLAGS="--enable-native-access=ALL-UNNAMED"
  if [ "$BILAN_JAVA_MAJOR" -ge 23 ]; then
    BILAN_JVM_FLAGS="$BILAN_JVM_FLAGS --sun-misc-unsafe-memory-access=allow"
  fi
else
  echo "Bilan needs a JDK 21 or newer (25 recommended: the optimizing JavaScript runtime needs it)." >&2
  echo "None was found in JAVA_HOME (${JAVA_HOME:-unset}), under /usr/lib/jvm or on the PATH." >&2
  echo "Install one, e.g. Eclipse Temurin 25, and set JAVA_HOME to it." >&2
  exit 1
fi

# Prints the JVM flags that run GraalJS with the optimizing compiler whose jars are in $1, on a runtime linked by the
# build without the JDK's own Graal compiler module (engine/src/build/RuntimeImage.java, JDK 25 or newer): the
# compiler's jars go on the module path, where the JVM keeps class-data sharing on.
bilan_runtime_graal_flags() {
  printf '%s\n' "-XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --module-path=$1 --add-modules=jdk.graal.compiler,org.graalvm.truffle.compiler --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
}

# Prints the JVM flags that run GraalJS with the optimizing compiler whose jars are in $1.
bilan_graal_flags() {
  if [ "$BILAN_JAVA_MAJOR" -ge 25 ]; then
    printf '%s\n' "-XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=$1 $BILAN_JVM_FLAGS"
  else
    printf '%s\n' "$BILAN_JVM_FLAGS"
  fi
}
