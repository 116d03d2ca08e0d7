/**
 * The agent contract and the registry of agent families. An {@link dev.cascade.agents.Agent} acts
 * only through its {@link dev.cascade.agents.AgentContext}: it submits and cancels orders, reads
 * market data and its own account, schedules its next wake-up and names the cause of each order.
 * One sub-package per family.
 */
package dev.cascade.agents;
