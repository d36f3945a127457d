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
