package com.example.register;

import io.detsim.sim.fault.FaultSchedule;

/**
 * One run of the register: the simulation's seed, how many values the client writes, and the
 * faults. All of it comes from choices, so a failing run shrinks to fewer writes and fewer faults.
 */
record RegisterInput(long simulationSeed, int writes, FaultSchedule schedule) {}
