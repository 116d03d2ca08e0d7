package dev.cascade.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.analytics.CauseChains;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cause chains as a flow (Sankey) diagram. Trades are attributed as {@link CauseChains} does: to
 * the cause of the aggressor order. Nodes are cause kinds at their depth in the chain ("shock" at
 * 1, "fundamental" at 2, ...); a link from a kind to a kind one level down carries the aggressive
 * notional of the child causes and of everything they set off in turn; a node is as tall as the
 * larger of what flows in and out (a root's own trades are not drawn, so routine flow with one odd
 * child does not dwarf the chains). Only kinds on a chain of two or more causes are drawn: routine
 * flow that sets nothing off is in the selling-by-mechanism chart. Reads causes.csv and trades.csv
 * (or their .parquet).
 */
final class ChainSection implements ReportSection {
  /** A kind at a depth in the chains, as one Sankey node. */
  record Node(String kind, int depth) {
    String id() {
      return kind + " ·" + depth;
    }
  }

  /** Links between nodes, dollars, and the nodes they join in first-seen order. */
  record Flows(Map<List<Node>, Double> links, List<Node> nodes) {}

  @Override
  public String reads() {
    return RunData.CAUSES + ", " + RunData.TRADES;
  }

  @Override
  public boolean presentIn(RunData run) {
    return run.causes.isPresent() && run.flow.isPresent() && !flows(run).links().isEmpty();
  }

  /** The Sankey flows of a run, from {@link CauseChains#analyze}'s steps. */
  static Flows flows(RunData run) {
    CauseChains.Report r =
        CauseChains.analyze(run.causes.orElseThrow(), run.flow.orElseThrow().foldedByCause());
    // Notional per kind path over every root: the steps' own notional.
    Map<String, Double> own = new LinkedHashMap<>();
    for (List<CauseChains.Chain> group : List.of(r.shocks(), r.background())) {
      for (CauseChains.Chain c : group) {
        for (CauseChains.Step s : c.steps()) {
          own.merge(s.path(), s.notional(), Double::sum);
        }
      }
    }
    // With descendants: a path's notional plus that of every path below it.
    Map<String, Double> subtree = new LinkedHashMap<>();
    for (String p : own.keySet()) {
      double sum = 0;
      for (Map.Entry<String, Double> e : own.entrySet()) {
        if (e.getKey().equals(p) || e.getKey().startsWith(p + " > ")) {
          sum += e.getValue();
        }
      }
      subtree.put(p, sum);
    }
    Map<List<Node>, Double> links = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : subtree.entrySet()) {
      String[] kinds = e.getKey().split(" > ");
      if (kinds.length < 2 || e.getValue() <= 0) {
        continue;
      }
      int d = kinds.length;
      links.merge(
          List.of(new Node(kinds[d - 2], d - 1), new Node(kinds[d - 1], d)),
          e.getValue(),
          Double::sum);
    }
    java.util.Set<Node> nodes = new java.util.LinkedHashSet<>();
    for (List<Node> l : links.keySet()) {
      nodes.add(l.get(0));
      nodes.add(l.get(1));
    }
    return new Flows(links, List.copyOf(nodes));
  }

  @Override
  public void write(RunData run, ReportPage page) {
    page.section(
        "chains",
        "Cause chains",
        "What set off what, weighted by the notional the orders took from the book. Each column is"
            + " a depth in the chain (1 = the root: a shock, or a routine cause such as a margin"
            + " call made at a desk's check); a band carries the notional of the causes it leads"
            + " to and everything they set off in turn. Hover for dollars.",
        reads());
    Flows f = flows(run);
    ObjectNode c = page.chart("cause-chains", "sankey", "wide", "Cause chains by kind and depth");
    c.put("unit", "$ aggressive notional");
    ArrayNode nodes = c.putArray("nodes");
    for (Node n : f.nodes()) {
      nodes.addObject().put("name", n.id()).put("kind", n.kind()).put("depth", n.depth());
    }
    ArrayNode links = c.putArray("links");
    for (Map.Entry<List<Node>, Double> e : f.links().entrySet()) {
      links
          .addObject()
          .put("source", e.getKey().get(0).id())
          .put("target", e.getKey().get(1).id())
          .put("value", Math.round(e.getValue()));
    }
    page.endSection();
  }
}
