#' Fit a model to the data
#' @param df a data frame
library(ggplot2)
fit_model <- function(df, formula = y ~ x, ...) {
  if (is.null(df) || nrow(df) == 0L) stop("empty data")
  model <- lm(formula, data = df)
  coefs <- coef(model)
  for (i in seq_along(coefs)) {
    cat(sprintf("%s: %.3f\n", names(coefs)[i], coefs[[i]]))
  }
  x <- c(1, 2.5, -3e2, 0x1F, 10L, .5, NA, TRUE, Inf)
  y <- x %in% c(1, 2) & !is.na(x) | FALSE
  `odd name` <- pi * 2; month.abb[1]
  df$z <- df$x %>% sqrt()
  invisible(model)
}
results <- lapply(1:10, \(k) k^2)  # comment
'single \' quoted'

# ---- citations per year, the tidy way and the base way ----
suppressPackageStartupMessages({
  library(dplyr)
  library(tidyr)
  library(readr)
})

papers <- read_csv("data/papers.csv", col_types = cols(
  year = col_integer(),
  citations = col_double(),
  venue = col_character()
))

summary_table <- papers |>
  filter(!is.na(citations), year >= 2015L) |>
  group_by(year, venue) |>
  summarise(
    n = n(),
    total = sum(citations, na.rm = TRUE),
    median = median(citations),
    .groups = "drop"
  ) |>
  arrange(desc(year), venue) |>
  pivot_wider(names_from = venue, values_from = total, values_fill = 0)

h_index <- function(citations) {
  sorted <- sort(citations, decreasing = TRUE)
  max(c(0, which(sorted >= seq_along(sorted))))
}

bootstrap <- function(x, statistic = mean, reps = 1000L, seed = 42) {
  stopifnot(is.numeric(x), length(x) > 1, reps > 0)
  set.seed(seed)
  estimates <- vapply(seq_len(reps), function(i) statistic(sample(x, replace = TRUE)), numeric(1))
  list(estimate = statistic(x), ci = quantile(estimates, probs = c(0.025, 0.975)), se = sd(estimates))
}

Paper <- setRefClass("Paper",
  fields = list(title = "character", year = "numeric"),
  methods = list(
    show = function() cat("Paper:", title, "(", year, ")\n")
  )
)

print.citation <- function(x, ...) {
  cat(sprintf("%-40s %4d %6.1f\n", x$title, x$year, x$score), sep = "")
  invisible(x)
}

m <- matrix(1:6, nrow = 2, byrow = TRUE, dimnames = list(c("a", "b"), NULL))
m[, 2] <- m[, 2] * 10
m[m > 20] <- NA_integer_
l <- list(a = 1, `b c` = "two", d = list(e = 3i, f = NULL))
l[["a"]]; l$`b c`; l$d$e
x <- -5:5
y <- ifelse(x %% 2 == 0, x %/% 2, x^2)
z <- x[x > 0 & y < 10 | is.na(y)]
repeat {
  z <- z[-1]
  if (length(z) <= 2) break else next
}
switch(class(z)[1], integer = message("ints"), numeric = warning("nums"), stop("other"))
tryCatch(
  log(-1),
  warning = function(w) message("warning: ", conditionMessage(w)),
  error = function(e) NULL,
  finally = cat("done\n")
)
hex <- 0xFFL; sci <- 1.5e-10; big <- 1e6L; lgl <- c(TRUE, FALSE, T, F, NA)
s <- "escapes: \t \n \" \\ \u00e9"; r <- r"(raw \string)"
f <- ~ x + y | z
`%+%` <- function(a, b) paste0(a, b); "a" %+% "b"
plot_years <- function(df, title = "Citations per year") {
  ggplot(df, aes(x = year, y = total, fill = venue)) +
    geom_col(position = "dodge", width = 0.8) +
    scale_y_continuous(labels = scales::comma) +
    labs(title = title, x = NULL, y = "Citations") +
    theme_minimal(base_size = 12)
}
if (interactive()) {
  print(plot_years(summary_table))
} else {
  ggsave("citations.png", plot_years(summary_table), width = 7, height = 4, dpi = 150)
}
