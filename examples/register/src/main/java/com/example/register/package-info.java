/**
 * A primary/backup register written against detsim's ports only, as a user would write one: a
 * {@link com.example.register.Primary} that acknowledges a write once the
 * {@link com.example.register.Backup} has it on disk, and a {@link com.example.register.Client} that
 * records what was acknowledged. The same classes run in simulation (the tests) and for real.
 */
package com.example.register;
