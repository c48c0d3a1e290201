# Sourced by ./mvnw and the bin/ launchers: exports JAVA_HOME pointing at a JDK >= 21.
# Order: $JAVA_HOME if it is recent enough, else the newest JDK >= 21 under /usr/lib/jvm,
# else the java on the PATH. JDK 25 or newer is preferred when JAVA_HOME is unset or too old,
# because the optimizing JavaScript compiler that scoring uses needs it.

bilan_java_major() {
  # Prints the feature version of the JDK at $1 (e.g. 25), or nothing.
  _release="$1/release"
  if [ -r "$_release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$_release"
  elif [ -x "$1/bin/java" ]; then
    "$1/bin/java" -XshowSettings:properties -version 2>&1 |
      sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
  fi
}

bilan_find_java() {
  if [ -n "${JAVA_HOME:-}" ]; then
    _major=$(bilan_java_major "$JAVA_HOME")
    if [ -n "$_major" ] && [ "$_major" -ge 21 ]; then
      printf '%s\n' "$JAVA_HOME"
      return 0
    fi
  fi
  _best="" _best_major=0
  for _candidate in /usr/lib/jvm/*; do
    [ -x "$_candidate/bin/javac" ] || continue
    _major=$(bilan_java_major "$_candidate")
    [ -n "$_major" ] || continue
    if [ "$_major" -gt "$_best_major" ]; then
      _best="$_candidate" _best_major="$_major"
    fi
  done
  if [ "$_best_major" -ge 21 ]; then
    printf '%s\n' "$_best"
    return 0
  fi
  if command -v javac >/dev/null 2>&1; then
    _path_home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    _major=$(bilan_java_major "$_path_home")
    if [ -n "$_major" ] && [ "$_major" -ge 21 ]; then
      printf '%s\n' "$_path_home"
      return 0
    fi
  fi
  return 1
}

if _bilan_java_home=$(bilan_find_java); then
  JAVA_HOME="$_bilan_java_home"
  export JAVA_HOME
  BILAN_JAVA_MAJOR=$(bilan_java_major "$JAVA_HOME")
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

# Prints the JVM flags that run GraalJS with the optimizing compiler whose jars are in $1.
bilan_graal_flags() {
  if [ "$BILAN_JAVA_MAJOR" -ge 25 ]; then
    printf '%s\n' "-XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=$1 $BILAN_JVM_FLAGS"
  else
    printf '%s\n' "$BILAN_JVM_FLAGS"
  fi
}
