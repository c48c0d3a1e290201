# Writes a data set of the shape of psych's bfi: 2,800 respondents, 25 six-point items A1..O5 (five scales of five
# items, reverse-keyed items answered the other way), about 1 % of answers missing. Deterministic: a Park-Miller
# generator rather than awk's rand(), so every awk writes the same file.
#   awk -f sdk/bench/vs-r/generate.awk > sdk/bench/src/main/resources/bench/bfi.csv
# Optional: -v rows=100000 for a larger file.
function uniform() { seed = (seed * 16807) % 2147483647; return seed / 2147483647 }
# About standard normal: the sum of four uniforms, centred and scaled.
function normal() { return (uniform() + uniform() + uniform() + uniform() - 2) * 1.7320508 }
BEGIN {
  if (rows == "") rows = 2800
  seed = 20261206
  split("A C E N O", area, " ")
  # The reverse keys of psych's bfi.keys.
  split("A1 C4 C5 E1 E2 O2 O5", reversed, " ")
  for (r in reversed) reverse[reversed[r]] = 1
  header = "respondent"
  for (a = 1; a <= 5; a++) for (i = 1; i <= 5; i++) header = header "," area[a] i
  print header
  for (row = 1; row <= rows; row++) {
    line = 60000 + row
    for (a = 1; a <= 5; a++) {
      trait = normal()
      for (i = 1; i <= 5; i++) {
        item = area[a] i
        sign = (item in reverse) ? -1 : 1
        value = int(3.5 + sign * 0.9 * trait + 1.1 * normal() + 0.5 + 10) - 10
        if (value < 1) value = 1
        if (value > 6) value = 6
        line = line "," (uniform() < 0.01 ? "" : value)
      }
    }
    print line
  }
}
