package io.vantage.domain.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PoolScheduleTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    /** 2026-11-23 is a Monday. */
    static ZonedDateTime at(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 11, 23 + day, hour, minute, 0, 0, ZONE);
    }

    @Test
    void officeHoursOnWeekdays() {
        PoolSchedule office = new PoolSchedule(Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(18, 0));
        assertThat(office.isOn(at(0, 8, 0))).isTrue();
        assertThat(office.isOn(at(0, 17, 59))).isTrue();
        assertThat(office.isOn(at(0, 18, 0))).isFalse();
        assertThat(office.isOn(at(0, 7, 59))).isFalse();
        assertThat(office.isOn(at(5, 10, 0))).as("Saturday").isFalse();
        assertThat(office.toString()).isEqualTo("Mon Tue Wed Thu Fri 08:00–18:00");
    }

    @Test
    void anOvernightWindowBelongsToTheDayItStarts() {
        PoolSchedule night = new PoolSchedule(Set.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0), LocalTime.of(6, 0));
        assertThat(night.isOn(at(4, 23, 0))).as("Friday night").isTrue();
        assertThat(night.isOn(at(5, 5, 59))).as("Saturday early").isTrue();
        assertThat(night.isOn(at(5, 6, 0))).isFalse();
        assertThat(night.isOn(at(3, 23, 0))).as("Thursday night").isFalse();
        assertThat(night.isOn(at(4, 5, 0))).as("Friday early belongs to Thursday").isFalse();
    }

    @Test
    void alwaysAndWholeDaysAndTheirColumn() {
        assertThat(PoolSchedule.ALWAYS.isOn(at(6, 3, 0))).isTrue();
        assertThat(PoolSchedule.ALWAYS.toString()).isEqualTo("always");
        PoolSchedule weekend = new PoolSchedule(Set.of(DayOfWeek.SUNDAY, DayOfWeek.SATURDAY), null, null);
        assertThat(weekend.isOn(at(6, 3, 0))).isTrue();
        assertThat(weekend.isOn(at(0, 12, 0))).isFalse();
        assertThat(weekend.daysColumn()).isEqualTo("SAT,SUN");
        assertThat(PoolSchedule.parseDays("SAT,SUN")).isEqualTo(weekend.days());
        assertThat(PoolSchedule.day("tue")).isEqualTo(DayOfWeek.TUESDAY);
        assertThatThrownBy(() -> PoolSchedule.day("someday")).hasMessageContaining("unknown day 'someday'");
        assertThatThrownBy(() -> new PoolSchedule(Set.of(), LocalTime.NOON, null))
                .hasMessageContaining("both a start and an end");
    }
}
