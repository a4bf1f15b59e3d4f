package dev.newssearch.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AdmissionTest {
  private static void assertTooMany(Runnable call, String detailContains) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status()).isEqualTo(429);
      assertThat(e.retryAfterSeconds()).isPositive();
      assertThat(e.getMessage()).contains(detailContains);
    });
  }

  @Test
  void one_client_cannot_take_more_than_its_share_while_another_still_gets_in() {
    Admission admission = new Admission(new Admission.Limits(10, 2, 1));
    Admission.Slot a = admission.admit("10.0.0.1", false);
    Admission.Slot b = admission.admit("10.0.0.1", false);
    assertTooMany(() -> admission.admit("10.0.0.1", false), "from one client");
    try (Admission.Slot other = admission.admit("10.0.0.2", false)) {
      assertThat(admission.inFlight()).isEqualTo(3);
    }
    a.close();
    a.close(); // closing twice gives back one place, not two
    admission.admit("10.0.0.1", false).close();
    b.close();
    assertThat(admission.inFlight()).isZero();
    assertThat(admission.clientsInFlight()).as("no entry is kept for idle clients").isZero();
  }

  @Test
  void expensive_queries_share_one_lane_and_normal_ones_pass_beside_them() {
    Admission admission = new Admission(new Admission.Limits(10, 5, 1));
    try (Admission.Slot heavy = admission.admit("10.0.0.1", true)) {
      assertTooMany(() -> admission.admit("10.0.0.2", true), "expensive queries");
      assertThat(admission.inFlight()).as("a refused request holds nothing").isEqualTo(1);
      try (Admission.Slot normal = admission.admit("10.0.0.2", false)) {
        assertThat(admission.heavyInFlight()).isEqualTo(1);
      }
    }
    admission.admit("10.0.0.2", true).close();
  }

  @Test
  void the_service_wide_limit_holds_across_clients() {
    Admission admission = new Admission(new Admission.Limits(2, 2, 1));
    Admission.Slot a = admission.admit("10.0.0.1", false);
    Admission.Slot b = admission.admit("10.0.0.2", false);
    assertTooMany(() -> admission.admit("10.0.0.3", false), "limit of 2");
    assertThat(admission.clientsInFlight()).isEqualTo(2);
    a.close();
    b.close();
  }
}
