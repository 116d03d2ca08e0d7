package dev.cascade.scenario;

import dev.cascade.agents.AgentFamily;
import dev.cascade.agents.AgentRegistry;
import dev.cascade.agents.Distribution;
import dev.cascade.agents.ParamSpec;
import java.util.List;

/** A registry for loader tests: two families with a few parameters and factories never called. */
final class TestFamilies {
  private TestFamilies() {}

  static AgentRegistry registry() {
    return new AgentRegistry()
        .register(
            new AgentFamily(
                "noise",
                "random orders",
                List.of(
                    ParamSpec.real("rate", "orders per second", 1, 0, 10),
                    ParamSpec.real("spreadBps", "distance from mid, basis points", 2, 0, 100),
                    new ParamSpec(
                        "size",
                        "order size, lots",
                        Distribution.fixed(100),
                        0,
                        Double.POSITIVE_INFINITY,
                        true),
                    ParamSpec.real("bias", "buy minus sell probability", 0, -1, 1)),
                setup -> {
                  throw new UnsupportedOperationException("loader tests build no agents");
                }))
        .register(
            new AgentFamily(
                "market-maker",
                "quotes both sides",
                List.of(
                    ParamSpec.real("spreadBps", "quoted spread, basis points", 4, 0, 100),
                    ParamSpec.whole("depth", "lots per side", 500, 1, 100_000)),
                setup -> {
                  throw new UnsupportedOperationException("loader tests build no agents");
                }));
  }
}
