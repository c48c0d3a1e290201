# What a researcher runs in R for the same work as `bilan score bench/bfi bfi.csv --statistics`: the five scales'
# scores with psych::scoreItems (mean of the answered keyed items) and psych::alpha of each scale, written out.
#   Rscript sdk/bench/vs-r/psych.R <data.csv> <scores.csv> <alpha.csv>
# Needs R and psych (Debian: apt-get install r-cran-psych).
suppressPackageStartupMessages(library(psych))
args <- commandArgs(TRUE)
data <- read.csv(args[1], colClasses = c(respondent = "character"))
keys <- list(agree = c("-A1", "A2", "A3", "A4", "A5"),
             conscientious = c("C1", "C2", "C3", "-C4", "-C5"),
             extraversion = c("-E1", "-E2", "E3", "E4", "E5"),
             neuroticism = c("N1", "N2", "N3", "N4", "N5"),
             openness = c("O1", "-O2", "O3", "O4", "-O5"))
items <- data[-1]
scored <- scoreItems(keys, items, impute = "none", min = 1, max = 6)
scores <- data.frame(respondent = data$respondent, scored$scores, check.names = FALSE)
write.csv(scores, args[2], row.names = FALSE, quote = FALSE)
alphas <- sapply(names(keys), function(scale) {
  x <- items[sub("-", "", keys[[scale]])]
  for (item in sub("-", "", grep("^-", keys[[scale]], value = TRUE))) x[[item]] <- 7 - x[[item]]
  a <- suppressWarnings(alpha(x, use = "pairwise", warnings = FALSE))
  c(raw = a$total$raw_alpha, standardized = a$total$std.alpha)
})
write.csv(t(alphas), args[3], quote = FALSE)
