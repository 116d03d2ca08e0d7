package dev.cascade.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Adds to a {@link SyntheticRun} what the mechanisms write: a cause log with one chain (shock >
 * margin-call > liquidation > stop) and a routine noise cause that sets off a dealer hedge; trades
 * by each; the dealers' gex.csv and vix.csv; and the dealers, margin, liquidations and levels
 * sections of summary.json. Notionals are chosen so each sum is recognisable.
 */
final class SyntheticMechanisms {
  /**
   * Aggressive notional by cause id (dollars): 1 noise, 3 margin-call, 4 liquidation, 5 stop, 6
   * hedge.
   */
  static final double NOISE = 1000, CALL = 200, LIQUIDATION = 30, STOP = 4, HEDGE = 50;

  private SyntheticMechanisms() {}

  static Path add(Path run) {
    try {
      long t0 = SyntheticRun.START.toEpochMilli() * 1_000_000L;
      Files.writeString(
          run.resolve("causes.csv"),
          "id,kind,agent,parent,time,timeNanos,label,links\n"
              + "0,genesis,,0,,,,\n"
              + "1,noise,noise-1,0,,,,\n"
              + "2,shock,,0,2025-11-18T14:40:00Z,"
              + (t0 + 600_000_000_000L)
              + ",miss,\n"
              + "3,margin-call,fund-1,2,,,,\n"
              + "4,liquidation,fund-1,3,,,,\n"
              + "5,stop,stop-1,4,,,,\n"
              + "6,hedge,dealer-1,1,,,,\n");
      StringBuilder t =
          new StringBuilder(
              "time,timeNanos,symbol,price,qty,notional,aggressor,buyer,seller,buyCause,buyCauseId,"
                  + "sellCause,sellCauseId\n");
      // minute, aggressor, buy kind/id, sell kind/id, notional
      Object[][] rows = {
        {0, "buy", "noise", 1, "quote", 0, NOISE / 2},
        {1, "sell", "quote", 0, "noise", 1, NOISE / 2},
        {11, "sell", "quote", 0, "margin-call", 3, CALL},
        {12, "sell", "quote", 0, "liquidation", 4, LIQUIDATION / 3},
        {12, "buy", "liquidation", 4, "quote", 0, 2 * LIQUIDATION / 3},
        {13, "sell", "quote", 0, "stop", 5, STOP},
        {14, "sell", "quote", 0, "hedge", 6, HEDGE}
      };
      for (Object[] r : rows) {
        long nanos = t0 + ((Integer) r[0]) * 60_000_000_000L + 1_000_000_000L;
        t.append(java.time.Instant.ofEpochMilli(nanos / 1_000_000))
            .append(',')
            .append(nanos)
            .append(",S1,100.00,1,")
            .append(r[6])
            .append(',')
            .append(r[1])
            .append(",a,b,")
            .append(r[2])
            .append(',')
            .append(r[3])
            .append(',')
            .append(r[4])
            .append(',')
            .append(r[5])
            .append('\n');
      }
      Files.writeString(run.resolve("trades.csv"), t.toString());
      StringBuilder g = new StringBuilder("underlying,when,spot,price,netGammaPer1Pct\n");
      for (String when : new String[] {"start", "end"}) {
        for (int k = 0; k <= 40; k++) {
          double price = 80 + k;
          g.append("S1,")
              .append(when)
              .append(",100,")
              .append(price)
              .append(',')
              .append(Math.round(1e6 * (price - (when.equals("start") ? 97 : 101))))
              .append('\n');
        }
      }
      Files.writeString(run.resolve("gex.csv"), g.toString());
      StringBuilder v = new StringBuilder("time,timeNanos,underlying,vix\n");
      for (int k = 0; k < 12; k++) {
        long nanos = t0 + k * 300_000_000_000L;
        v.append(java.time.Instant.ofEpochMilli(nanos / 1_000_000))
            .append(',')
            .append(nanos)
            .append(",S1,")
            .append(16 + 0.2 * k)
            .append('\n');
      }
      Files.writeString(run.resolve("vix.csv"), v.toString());

      ObjectMapper json = new ObjectMapper();
      ObjectNode s = (ObjectNode) json.readTree(run.resolve("summary.json").toFile());
      ObjectNode d = s.putArray("dealers").addObject();
      d.put("underlying", "S1");
      d.put("dealers", 3);
      d.put("netGammaStartPer1Pct", 3e6);
      d.put("netGammaEndPer1Pct", -1e6);
      d.put("flipStart", 97.0);
      d.put("flipEnd", 101.0);
      d.put("spotStart", 100.0);
      d.put("spotEnd", 99.0);
      d.put("flipCrossedAt", "2025-11-18T15:00:00Z");
      d.put("hedgeLots", 1000);
      d.put("hedgeNotional", HEDGE);
      d.put("customerPuts", 1234);
      d.put("customerPutsSameDay", 567);
      d.put("customerCalls", 89);
      d.put("vixStart", 16.0);
      d.put("vixMax", 18.2);
      d.put("vixEnd", 18.2);
      ObjectNode desk = s.putObject("margin").putArray("desks").addObject();
      desk.put("name", "prime-broker");
      desk.put("accounts", 2);
      desk.put("calls", 1);
      desk.put("callAmount", 1234.5);
      desk.put("met", 0);
      desk.put("liquidated", 1);
      ObjectNode liq = s.putObject("liquidations");
      ObjectNode venue = liq.putArray("venues").addObject();
      venue.put("name", "prime-broker");
      venue.put("accounts", 1);
      venue.put("orders", 2);
      venue.put("notional", LIQUIDATION);
      venue.put("longs", LIQUIDATION / 3);
      venue.put("shorts", 2 * LIQUIDATION / 3);
      ObjectNode byIns = venue.putArray("instruments").addObject();
      byIns.put("symbol", "S1");
      byIns.put("longs", LIQUIDATION / 3);
      byIns.put("shorts", 2 * LIQUIDATION / 3);
      liq.putNull("insuranceFund");
      ArrayNode levels = s.putArray("levels");
      levels.addObject().put("symbol", "S1").put("name", "round number").put("price", 100.0);
      levels.addObject().put("symbol", "S2").put("name", "200-day average").put("price", 95.5);
      json.writeValue(run.resolve("summary.json").toFile(), s);
      return run;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
