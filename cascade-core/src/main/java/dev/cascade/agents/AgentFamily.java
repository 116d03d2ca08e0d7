package dev.cascade.agents;

import dev.cascade.ledger.AccountKind;
import java.util.List;
import java.util.function.Function;

/**
 * A kind of agent a scenario can name: its config name, the parameters it accepts and a factory.
 *
 * @param name the name in scenario files, e.g. {@code market-maker}
 * @param description one line, for {@code cascade validate --families}
 * @param params every parameter it accepts; anything else in a scenario is an error
 * @param factory builds one agent from its drawn parameters
 * @param accountKind the kind of account its agents trade from
 * @param leverage for margin accounts, gross exposure allowed as a multiple of equity
 */
public record AgentFamily(
    String name,
    String description,
    List<ParamSpec> params,
    Function<AgentSetup, Agent> factory,
    AccountKind accountKind,
    double leverage) {
  public AgentFamily {
    params = List.copyOf(params);
  }

  /** A family whose agents trade from cash accounts. */
  public AgentFamily(
      String name,
      String description,
      List<ParamSpec> params,
      Function<AgentSetup, Agent> factory) {
    this(name, description, params, factory, AccountKind.CASH, 1);
  }

  /** The spec of a parameter by name, or null. */
  public ParamSpec param(String n) {
    for (ParamSpec p : params) {
      if (p.name().equals(n)) {
        return p;
      }
    }
    return null;
  }
}
