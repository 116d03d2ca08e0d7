package dev.cascade.derivatives;

/**
 * What the options dealers on one underlying did in a run, for the run summary.
 *
 * @param underlying symbol
 * @param dealers number of dealer books on it
 * @param netGammaStart dealers' net GEX at spot at the first sample, dollars per 1% move
 * @param netGammaEnd dealers' net GEX at spot at the end, dollars per 1% move
 * @param flipStart the gamma flip nearest spot at the first sample, dollars; NaN when none
 * @param flipEnd the gamma flip nearest spot at the end, dollars; NaN when none
 * @param spotStart spot at the first sample, dollars
 * @param spotEnd spot at the end, dollars
 * @param flipCrossedNanos when the sign of net GEX at spot first differed from its starting sign
 *     (spot crossed the flip), sampled every {@link OptionsMarket#SAMPLE_SECONDS}; -1 if never
 * @param hedgeLots lots traded by orders with a HEDGE cause
 * @param hedgeNotional dollars traded by those orders
 * @param hedgeBoughtLots of which bought
 * @param hedgeSoldLots of which sold
 * @param contractsStart dealers' gross option contracts at the first sample
 * @param contractsEnd dealers' gross option contracts at the end
 * @param contractsRolledOff contracts that expired during the run
 * @param customerPuts puts customers bought from the dealers during the run, contracts
 * @param customerPutsSameDay of which expiring at the close of the day bought (0DTE)
 * @param customerCalls calls customers sold to the dealers (call overwriting), contracts
 * @param vixStart the VIX-style index at the first sample, index points
 * @param vixMax its largest sample
 * @param vixEnd its value at the end
 */
public record DealerReport(
    String underlying,
    int dealers,
    double netGammaStart,
    double netGammaEnd,
    double flipStart,
    double flipEnd,
    double spotStart,
    double spotEnd,
    long flipCrossedNanos,
    long hedgeLots,
    double hedgeNotional,
    long hedgeBoughtLots,
    long hedgeSoldLots,
    long contractsStart,
    long contractsEnd,
    long contractsRolledOff,
    long customerPuts,
    long customerPutsSameDay,
    long customerCalls,
    double vixStart,
    double vixMax,
    double vixEnd) {}
