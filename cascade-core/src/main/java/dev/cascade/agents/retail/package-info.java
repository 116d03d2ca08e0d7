/** Retail investors whose buying and selling follows recent returns and fear. */
package dev.cascade.agents.retail;
