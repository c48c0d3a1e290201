# Reads a batch output as a researcher would (read.csv, default arguments) and prints, per column named on the
# command line, its R class and its values (text in double quotes, with escapes; NA when missing), one line per column.
args <- commandArgs(trailingOnly = TRUE)
x <- read.csv(args[1], stringsAsFactors = FALSE, check.names = FALSE)
for (name in args[-1]) {
  column <- x[[name]]
  text <- encodeString(as.character(column), quote = if (is.character(column)) "\"" else "")
  text[is.na(column)] <- "NA"
  writeLines(paste0(name, " ", class(column)[1], ": ", paste(text, collapse = " | ")))
}
