package dev.cascade.agents;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps family names to {@link AgentFamily}s. Registering a name twice, or asking for a name that is
 * not registered, fails loudly.
 */
public final class AgentRegistry {
  private final Map<String, AgentFamily> families = new LinkedHashMap<>();

  public AgentRegistry register(AgentFamily f) {
    if (families.putIfAbsent(f.name(), f) != null) {
      throw new IllegalStateException("agent family registered twice: " + f.name());
    }
    return this;
  }

  public Optional<AgentFamily> find(String name) {
    return Optional.ofNullable(families.get(name));
  }

  /** The family, or an exception listing the known names. */
  public AgentFamily get(String name) {
    AgentFamily f = families.get(name);
    if (f == null) {
      throw new IllegalArgumentException(
          "unknown agent family '" + name + "'; known: " + String.join(", ", names()));
    }
    return f;
  }

  /** Registered names, in registration order. */
  public List<String> names() {
    return Collections.unmodifiableList(new ArrayList<>(families.keySet()));
  }
}
