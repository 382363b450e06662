package io.vantage.domain.pool;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * How many machines of a plan are kept started and unassigned, when, and for how long one may wait; and why the
 * pool is short, when it is. The machines themselves are instances without members ({@code instances.pooled}).
 */
@Entity
@Table(name = "plan_pools")
public class PlanPool {

    public static final int MAX_SIZE = 50;

    @Id
    private Long planId;
    private int size;
    private String days;
    private LocalTime activeFrom;
    private LocalTime activeUntil;
    private int maxIdleMinutes;
    private Instant updatedAt;
    private String updatedBy;
    private String problem;
    private Instant problemAt;
    private Instant failedAt;

    protected PlanPool() {
    }

    public PlanPool(Long planId) {
        this.planId = planId;
    }

    public void configure(int newSize, PoolSchedule schedule, Duration maxIdle, String by, Instant now) {
        if (newSize < 0 || newSize > MAX_SIZE) {
            throw new IllegalArgumentException("a pool holds 0 to " + MAX_SIZE + " machines");
        }
        if (maxIdle.toMinutes() < 5 || maxIdle.toDays() > 30) {
            throw new IllegalArgumentException("a pool machine may wait 5 minutes to 30 days");
        }
        size = newSize;
        days = schedule.daysColumn();
        activeFrom = schedule.from();
        activeUntil = schedule.until();
        maxIdleMinutes = (int) maxIdle.toMinutes();
        updatedAt = now;
        updatedBy = by;
        problem = null;
        problemAt = null;
        failedAt = null;
    }

    /** How many machines the pool should hold at this moment: its size while the schedule is on, else none. */
    public int target(ZonedDateTime now) {
        return schedule().isOn(now) ? size : 0;
    }

    public PoolSchedule schedule() {
        return new PoolSchedule(PoolSchedule.parseDays(days), activeFrom, activeUntil);
    }

    /** Why the pool cannot be kept full now (the cloud has no room); the time says since when. */
    public void problem(String why, Instant now) {
        if (!why.equals(problem)) {
            problem = why.length() > 2000 ? why.substring(0, 1997) + "..." : why;
            problemAt = now;
        }
    }

    /** A pool machine failed: said like a problem, and no new machine is made until {@code backoff} has passed. */
    public void failed(String why, Instant now) {
        problem(why, now);
        failedAt = now;
    }

    public boolean waitsAfterFailure(Instant now, Duration backoff) {
        return failedAt != null && failedAt.plus(backoff).isAfter(now);
    }

    /** Full again: nothing to report. */
    public void clearProblem() {
        problem = null;
        problemAt = null;
    }

    public Long getPlanId() {
        return planId;
    }

    public int getSize() {
        return size;
    }

    public Duration getMaxIdle() {
        return Duration.ofMinutes(maxIdleMinutes);
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public String getProblem() {
        return problem;
    }

    public Instant getProblemAt() {
        return problemAt;
    }
}
