package io.detsim.runtime;

import io.detsim.sim.port.Check;
import io.detsim.sim.port.Node;
import io.detsim.sim.port.NodeFactory;
import io.detsim.sim.port.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A node (a process) or an actor inside one, on its own thread: a FIFO mailbox that the thread
 * drains one item at a time, each handler to completion, as the {@link Node} contract requires.
 *
 * <p><b>Lives.</b> As in the simulator, each start begins a life with a new incarnation number and
 * each crash or kill ends it; every mailbox item and timer carries the incarnation it was addressed
 * to and is dropped if that life has ended. The thread belongs to the actor, not to a life: a
 * restarted actor runs on the same thread, so its new life starts only after a handler of the old
 * life that was still running when it was killed has returned. That keeps the one-writer rule for
 * state that lives outside the behaviour (a worker's space index, handed over in messages) even
 * across a kill. The price: a handler that never returns blocks its actor's later lives too; Java
 * offers no safe way to stop a thread, and the engine's handlers never block.
 */
final class RealActor {
  private static final System.Logger LOG = System.getLogger(RealActor.class.getName());

  final RealRuntime runtime;
  final NodeId id;
  final RealActor process; // this, for a node
  final List<RealActor> children = new CopyOnWriteArrayList<>();
  private final LinkedBlockingQueue<Mail> mailbox = new LinkedBlockingQueue<>();
  private final ConcurrentHashMap<Long, RealTimer> timers = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile NodeFactory factory;
  private volatile int incarnation;
  private volatile boolean alive;
  private Node behaviour; // touched only by this actor's thread

  RealActor(RealRuntime runtime, NodeId id, RealActor process, NodeFactory factory) {
    this.runtime = runtime;
    this.id = id;
    this.process = process == null ? this : process;
    this.factory = factory;
    this.thread = new Thread(this::loop, "detsim-" + id.name().replace('/', '-'));
    this.thread.setDaemon(true); // a runtime nobody shut down must not keep the JVM alive
    this.thread.start();
  }

  boolean isAlive() {
    return alive;
  }

  int incarnation() {
    return incarnation;
  }

  // ---- lives (called from any thread) ----

  /** Begins a new life: the factory and onStart run on this actor's thread, before any later mail. */
  synchronized void start(NodeFactory newFactory) {
    Check.state(!alive, "%s is already alive", id);
    if (newFactory != null) {
      factory = newFactory;
    }
    incarnation++;
    alive = true;
    mailbox.add(new Mail(incarnation, Mail.Kind.START, null, factory));
  }

  /** Ends the life {@code life}; false when that life had ended already. */
  synchronized boolean die(int life) {
    if (!alive || incarnation != life) {
      return false;
    }
    alive = false;
    incarnation++;
    List<Mail> dropped = new ArrayList<>();
    mailbox.drainTo(dropped);
    for (Mail mail : dropped) {
      if (mail.kind() == Mail.Kind.CALL) {
        ((Mail.Call) mail.payload()).refuse(); // a caller waits for it: say the life ended
      }
    }
    for (RealTimer timer : timers.values()) {
      timer.cancel();
    }
    timers.clear();
    mailbox.add(new Mail(incarnation, Mail.Kind.RELEASE, null, null));
    return true;
  }

  /** Ends the thread once the mail before it is handled (or dropped). */
  void stop() {
    mailbox.add(new Mail(incarnation, Mail.Kind.STOP, null, null));
  }

  boolean join(long timeoutNanos) throws InterruptedException {
    if (Thread.currentThread() == thread) {
      return true; // shut down from one of this actor's own handlers: the thread ends when it returns
    }
    thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeoutNanos)));
    return !thread.isAlive();
  }

  // ---- arrivals (called from any thread) ----

  /** Delivers to the current life; a dead actor loses it, as a dead process loses its network input. */
  void deliver(Mail.Kind kind, NodeId source, Object payload) {
    if (alive) {
      mailbox.add(new Mail(incarnation, kind, source, payload));
    }
  }

  /** Delivers to the life {@code life} only. */
  void deliverTo(int life, Mail.Kind kind, Object payload) {
    if (alive && incarnation == life) {
      mailbox.add(new Mail(life, kind, null, payload));
    }
  }

  long setTimer(int life, long delayNanos, Runnable task) {
    RealTimer timer = new RealTimer(runtime.nextTimerHandle(), life, task);
    if (incarnation != life || runtime.isShutDown()) {
      return timer.handle; // a handler of an ended life: its timers never fire
    }
    timers.put(timer.handle, timer);
    if (delayNanos == 0) {
      fire(timer);
    } else {
      try {
        timer.scheduledAs(runtime.scheduler().schedule(() -> fire(timer), delayNanos, TimeUnit.NANOSECONDS));
      } catch (RejectedExecutionException e) { // the runtime shut down since the check above
        timer.cancel();
      }
    }
    if (incarnation != life) { // died meanwhile: die() may have missed this timer
      timer.cancel();
      timers.remove(timer.handle);
    }
    return timer.handle;
  }

  boolean cancelTimer(long handle) {
    RealTimer timer = timers.remove(handle);
    return timer != null && timer.cancel();
  }

  /** On the timer thread: an error here would vanish into the executor's future, and the timer with it. */
  private void fire(RealTimer timer) {
    try {
      if (timer.fire()) {
        deliverTo(timer.incarnation, Mail.Kind.TIMER, timer);
      }
    } catch (RuntimeException | Error failure) {
      runtime.fatal(failure);
    }
  }

  // ---- the thread ----

  private void loop() {
    while (true) {
      Mail mail;
      try {
        mail = mailbox.take();
      } catch (InterruptedException e) {
        return; // only the runtime interrupts, when a shutdown gave up waiting
      }
      if (mail.kind() == Mail.Kind.STOP) {
        behaviour = null;
        return;
      }
      if (mail.kind() == Mail.Kind.RELEASE) {
        if (!alive) {
          behaviour = null; // a dead life's state (a server's indexes) must not stay reachable
        }
        continue;
      }
      if (mail.incarnation() != incarnation) {
        if (mail.kind() == Mail.Kind.CALL) {
          ((Mail.Call) mail.payload()).refuse();
        }
        continue; // addressed to a life that has ended
      }
      try {
        handle(mail);
      } catch (Throwable failure) { // a handler's bug ends this life, never the thread
        try {
          handlerFailed(mail, failure);
        } catch (Throwable again) { // reporting failed too (the heap is still full): crash, without words
          if (mail.incarnation() == incarnation) {
            runtime.handlerFailed(this, mail.incarnation(), failure);
          }
        }
      }
    }
  }

  /** Crashes first and logs after: under an OutOfMemoryError the log line may not fit, the crash must. */
  private void handlerFailed(Mail mail, Throwable failure) {
    if (mail.incarnation() == incarnation) {
      runtime.handlerFailed(this, mail.incarnation(), failure);
      LOG.log(System.Logger.Level.ERROR, "handler of " + id + " failed; it crashed", failure);
    } else { // its life ended while it ran (killed, or the runtime stopping): nothing left to crash
      LOG.log(System.Logger.Level.DEBUG, "handler of an ended life of " + id + " failed", failure);
    }
  }

  private void handle(Mail mail) {
    switch (mail.kind()) {
      case START:
        behaviour = ((NodeFactory) mail.payload()).create(new RealContext(runtime, this, mail.incarnation()));
        behaviour.onStart();
        break;
      case MESSAGE:
        behaviour.onMessage(mail.source(), mail.payload());
        break;
      case TIMER:
        RealTimer timer = (RealTimer) mail.payload();
        timers.remove(timer.handle);
        if (timer.claim()) {
          timer.task.run();
        }
        break;
      case DURABLE:
        ((Runnable) mail.payload()).run();
        break;
      case CALL:
        ((Mail.Call) mail.payload()).run(behaviour);
        break;
      default:
        throw new AssertionError("unknown mail kind " + mail.kind());
    }
  }
}
