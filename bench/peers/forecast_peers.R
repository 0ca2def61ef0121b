# The forecast's peers on the same back-test (scripts/bench/forecast_peers.sh, docs/forecast.md):
# for every target and as-of date of `atlas forecast --backtest --json`, the R forecast package's
# Holt linear trend (holt), automatic ARIMA (auto.arima) and automatic exponential smoothing (ets)
# are fitted to the same monthly series (the target's year-to-date values known at that date,
# turned into monthly values), forecast to each year the back-test scores, and scored as atlas is:
# absolute percentage error of the deadline year's point forecast, how often the P10–P90 band held
# the outcome, and the Brier score of the probability of meeting the goal (share of simulated paths).
#
#   Rscript bench/peers/forecast_peers.R BACKTEST.json OUT.json [PATHS]
#
# The series: a year with monthly year-to-date figures gives its months as differences (1–2月 are
# reported together: half each); a year with only its full-year value (no month known) gives a
# twelfth each month, the one way a monthly model can use it. A peer needs 12 months of series.
suppressPackageStartupMessages({
  library(jsonlite)
  library(forecast)
})

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 2) stop("usage: forecast_peers.R BACKTEST.json OUT.json [PATHS]")
paths <- if (length(args) >= 3) as.integer(args[3]) else 1000L
bt <- fromJSON(args[1], simplifyVector = FALSE)
set.seed(20210702)

# Monthly values from year-to-date triples (year, month, ytd), January of the first year to the
# last month known.
monthly_series <- function(ytd) {
  if (length(ytd) == 0) return(NULL)
  years <- vapply(ytd, function(t) as.integer(t[[1]]), 1L)
  months <- vapply(ytd, function(t) as.integer(t[[2]]), 1L)
  values <- vapply(ytd, function(t) as.numeric(t[[3]]), 1.0)
  out <- c()
  first <- min(years)
  last_year <- max(years)
  for (y in first:last_year) {
    m <- months[years == y]
    v <- values[years == y]
    vals <- rep(NA_real_, 12)
    if (length(m) == 0) return(NULL)  # a year with nothing known inside the series: no series
    if (length(m) == 1 && m[1] == 12) {
      vals[] <- v[1] / 12
    } else {
      prev_m <- 0
      prev_v <- 0
      for (i in order(m)) {
        span <- m[i] - prev_m
        vals[(prev_m + 1):m[i]] <- (v[i] - prev_v) / span
        prev_m <- m[i]
        prev_v <- v[i]
      }
      if (y < last_year && prev_m < 12) return(NULL)  # a past year cut short
      vals <- vals[seq_len(prev_m)]
    }
    out <- c(out, vals)
  }
  ts(out, start = c(first, 1), frequency = 12)
}

fit_peer <- function(name, y) {
  tryCatch(switch(name,
    holt = holt(y, h = 1)$model,
    arima = auto.arima(y),
    ets = ets(y)
  ), error = function(e) NULL)
}

# Per (target, as_of): the points to score, the series, each peer's simulated years.
key <- vapply(bt$points, function(p) paste(p$target, p$as_of), "")
results <- list()
for (k in unique(key)) {
  pts <- bt$points[key == k]
  y <- monthly_series(pts[[1]]$ytd)
  if (is.null(y) || length(y) < 12) next
  end <- tsp(y)[2]
  last_year <- floor(end + 1e-9)
  last_month <- round((end - last_year) * 12) + 1
  known <- sum(y[floor(time(y) + 1e-9) == last_year])  # the last year's months so far
  years <- vapply(pts, function(p) as.integer(p$year), 1L)
  h <- (max(years) - last_year) * 12 + (12 - last_month)
  if (h <= 0) next
  # Month t of the horizon falls in year last_year + (last_month + t - 1) %/% 12.
  horizon_year <- last_year + (last_month + seq_len(h) - 1) %/% 12
  for (peer in c("holt", "arima", "ets")) {
    model <- fit_peer(peer, y)
    if (is.null(model)) next
    point <- as.numeric(forecast(model, h = h)$mean)
    sims <- tryCatch(replicate(paths, as.numeric(simulate(model, nsim = h, future = TRUE))),
                     error = function(e) NULL)
    if (is.null(sims)) next
    sims <- matrix(sims, nrow = h)
    for (p in pts) {
      in_year <- horizon_year == p$year
      base <- if (p$year == last_year) known else 0
      if (!any(in_year)) next
      value <- base + sum(point[in_year])
      totals <- base + colSums(sims[in_year, , drop = FALSE])
      q <- quantile(totals, c(0.1, 0.5, 0.9), type = 7, names = FALSE)
      goal <- as.numeric(p$goal_value)
      met <- switch(p$goal_op, ">=" = totals >= goal, ">" = totals > goal, "<=" = totals <= goal,
                    "<" = totals < goal, totals == goal)
      results[[length(results) + 1]] <- list(
        peer = peer, target = p$target, as_of = p$as_of, year = p$year, deadline = p$deadline,
        actual = p$actual, point = value, p10 = q[1], p50 = q[2], p90 = q[3],
        probability = if (p$deadline) mean(met) else NA, met = p$met,
        atlas_p10 = p$p10, atlas_p50 = p$p50, atlas_p90 = p$p90,
        atlas_probability = if (is.null(p$probability)) NA else p$probability)
    }
  }
}
write_json(list(paths = paths, points = results), args[2], auto_unbox = TRUE, digits = NA,
           na = "null")
