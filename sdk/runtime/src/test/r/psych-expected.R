# What R's psych package reports for a data set, written with full precision for the Java tests to compare
# with Bilan's statistics and scores (PsychAgreementTest, PsychBfiAgreementTest).
#
#   Rscript sdk/runtime/src/test/r/psych-expected.R
#       reads src/test/resources/psychometrics/responses.csv (300 generated respondents, scales E and A of the
#       test package `psychometrics`) and rewrites expected.json and psych-scores.csv beside it.
#   Rscript sdk/runtime/src/test/r/psych-expected.R --bfi <folder>
#       writes psych's data set bfi (2800 respondents, 25 items) to <folder>/responses.csv with the same two
#       files for the five scales of bfi.keys (test package `bfi`). psych is GPL: bfi is not committed.
#
# Base R and psych only (jsonlite is not needed). Written with R 4.2.2 and psych 2.2.9.
#
# For each scale:
# - psych::alpha(x, use = "pairwise") on the keyed item values x: reversed items as min + max - v with the
#   declared bounds, as Bilan keys them. psych::alpha(keys = ...) reverses with the lowest and highest answers
#   in the data instead, which is the same here (checked below); it also stops with "non-conformable
#   arguments" in psych 2.2.9 when an item has no variance, as e5 of scale E has.
# - psych::scoreItems(keys, items, impute = "none", min, max): its alpha, and per respondent its score (the
#   mean of the answered keyed items) and how many items are missing. The scores come from a second call with
#   delete = FALSE, because Bilan scores an item with no variance like any other (psych deletes it by default).
# - the mean and SD of the scale's score as Bilan gives it, from those scores: a mean scale's score is
#   psych's; a sum scale's is psych's times the number of items when it prorates, times the number answered
#   when not; a respondent with fewer than minAnswered answers has none.

suppressPackageStartupMessages(library(psych))

script <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
resources <- file.path(dirname(normalizePath(script)), "..", "resources", "psychometrics")

# JSON by hand: numbers as %.17g, which a double reads back exactly; NA and NaN as null.
json <- function(x, indent = "") {
  inner <- paste0(indent, "  ")
  if (is.list(x)) {
    if (length(x) == 0) return("{}")
    fields <- mapply(function(name, value) paste0(inner, "\"", name, "\": ", json(value, inner)),
                     names(x), x)
    return(paste0("{\n", paste(fields, collapse = ",\n"), "\n", indent, "}"))
  }
  stopifnot(length(x) == 1)
  if (is.character(x)) return(paste0("\"", x, "\""))
  if (is.logical(x)) return(if (x) "true" else "false")
  if (is.na(x)) return("null")
  sprintf("%.17g", x)
}

# psych prints notes about its other statistics (smc, smoothing) that do not concern the figures kept here.
quietly <- function(expr) {
  invisible(capture.output(value <- suppressMessages(suppressWarnings(expr))))
  value
}

number <- function(x) ifelse(is.na(x), "", sprintf("%.17g", x))

alpha_figures <- function(total) {
  list(raw = total$raw_alpha, standardized = total$std.alpha, averageR = total$average_r)
}

# One scale: `rule` holds Bilan's rule (items, reversed, low, high, aggregation, minAnswered, prorate).
scale_figures <- function(data, rule) {
  x <- data[rule$items]
  # psych::alpha(keys = ) would reverse with the range of the answers: make sure it is the declared one.
  observed <- range(as.matrix(x), na.rm = TRUE)
  stopifnot(observed[1] == rule$low, observed[2] == rule$high)
  for (item in rule$reversed) x[[item]] <- rule$low + rule$high - x[[item]]

  a <- quietly(alpha(x, use = "pairwise", warnings = FALSE))
  described <- describe(x)
  items <- list()
  for (item in rule$items) {
    if (item %in% rownames(a$item.stats)) {
      s <- a$item.stats[item, ]
      figures <- list(n = s$n, mean = s$mean, sd = s$sd, rawR = s$raw.r, stdR = s$std.r, rDrop = s$r.drop)
      if (nrow(a$alpha.drop) > 2) figures$alphaDrop <- alpha_figures(a$alpha.drop[item, ])
      items[[item]] <- figures
    } else {
      # Deleted by psych for having no variance: only describe() reports it.
      d <- described[item, ]
      items[[item]] <- list(n = d$n, mean = d$mean, sd = d$sd, excluded = TRUE)
    }
  }

  keys <- list(scale = ifelse(rule$items %in% rule$reversed, paste0("-", rule$items), rule$items))
  kept <- quietly(scoreItems(keys, data[rule$items], impute = "none", min = rule$low, max = rule$high))
  all <- quietly(scoreItems(keys, data[rule$items], impute = "none", min = rule$low, max = rule$high,
                            delete = FALSE))
  score <- as.vector(all$scores)
  missing <- as.vector(all$missing)
  answered <- length(rule$items) - missing
  bilan_score <- if (rule$aggregation == "mean") score
                 else score * (if (rule$prorate) length(rule$items) else answered)
  bilan_score <- bilan_score[answered >= max(1, rule$minAnswered)]

  list(figures = list(
         alpha = c(alpha_figures(a$total), list(mean = a$total$mean, sd = a$total$sd)),
         scoreItems = list(alpha = kept$alpha[1, 1]),
         score = list(n = sum(answered > 0), scored = length(bilan_score),
                      mean = mean(bilan_score), sd = sd(bilan_score)),
         items = items),
       score = score, missing = missing)
}

write_figures <- function(data, rules, folder, extra = list()) {
  scales <- lapply(rules, scale_figures, data = data)
  expected <- c(list(R = paste(R.version$major, R.version$minor, sep = "."),
                     psych = as.character(packageVersion("psych")),
                     scales = lapply(scales, `[[`, "figures")), extra)
  writeLines(json(expected), file.path(folder, "expected.json"))

  columns <- list(respondent = data$respondent)
  for (id in names(scales)) {
    columns[[paste0(id, ".score")]] <- number(scales[[id]]$score)
    columns[[paste0(id, ".missing")]] <- scales[[id]]$missing
  }
  write.csv(as.data.frame(columns, check.names = FALSE), file.path(folder, "psych-scores.csv"),
            row.names = FALSE, quote = FALSE)
}

# The case ScaleSampleTest works by hand: three items, four respondents.
tiny <- function() {
  x <- data.frame(i1 = c(1, 2, 3, 4), i2 = c(2, 2, 4, 4), i3 = c(2, 3, 3, 4))
  a <- quietly(alpha(x, use = "pairwise"))
  i1 <- list(rDrop = a$item.stats["i1", "r.drop"], alphaDrop = alpha_figures(a$alpha.drop["i1", ]))
  list(alpha = alpha_figures(a$total), items = list(i1 = i1))
}

args <- commandArgs(TRUE)
if (length(args) == 0) {
  data <- read.csv(file.path(resources, "responses.csv"), colClasses = c(respondent = "character"))
  likert <- list(low = 1, high = 5, prorate = FALSE)
  rules <- list(
    E = modifyList(likert, list(items = paste0("e", 1:7), reversed = "e3", aggregation = "sum",
                                minAnswered = 5, prorate = TRUE)),
    A = modifyList(likert, list(items = paste0("a", 1:4), reversed = "a2", aggregation = "mean",
                                minAnswered = 1)))
  write_figures(data, rules, resources, list(tiny = tiny()))
} else if (length(args) == 2 && args[1] == "--bfi") {
  folder <- args[2]
  dir.create(folder, showWarnings = FALSE, recursive = TRUE)
  items <- unlist(lapply(bfi.keys, sub, pattern = "-", replacement = ""), use.names = FALSE)
  data <- data.frame(respondent = rownames(bfi), bfi[items], check.names = FALSE)
  write.csv(data, file.path(folder, "responses.csv"), row.names = FALSE, quote = FALSE, na = "")
  rules <- lapply(bfi.keys, function(keys) {
    list(items = sub("-", "", keys), reversed = sub("-", "", grep("^-", keys, value = TRUE)), low = 1, high = 6,
         aggregation = "mean", minAnswered = 1, prorate = FALSE)
  })
  write_figures(data, rules, folder)
} else {
  stop("usage: Rscript psych-expected.R [--bfi <folder>]")
}
