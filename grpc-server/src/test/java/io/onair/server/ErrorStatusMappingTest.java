package io.onair.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ErrorStatusMappingTest {
  private enum TestCode implements ServiceErrorCode {
    BAD(Status.Code.INVALID_ARGUMENT),
    DOWN(Status.Code.UNAVAILABLE);

    private final Status.Code status;

    TestCode(Status.Code status) {
      this.status = status;
    }

    @Override
    public Status.Code status() {
      return status;
    }
  }

  private static final class TestException extends ServiceException {
    private static final long serialVersionUID = 1L;

    TestException(TestCode code, String message) {
      super(code, message);
    }
  }

  @Test
  void aServiceExceptionGetsItsCodesStatusAndItsMessage() {
    ErrorStatusMapping mapping =
        new ErrorStatusMapping("test", EnumSet.of(Status.Code.UNAVAILABLE));
    Status bad = mapping.statusOf(new TestException(TestCode.BAD, "k: must be positive"));
    assertThat(bad.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(bad.getDescription()).isEqualTo("k: must be positive");
    Status down = mapping.statusOf(new TestException(TestCode.DOWN, "store unreachable"));
    assertThat(down.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(down.getDescription()).isEqualTo("store unreachable");
  }

  @Test
  void anythingElseIsInternalWithoutDetails() {
    Status status = new ErrorStatusMapping("test").statusOf(new IllegalStateException("secret"));
    assertThat(status.getCode()).isEqualTo(Status.Code.INTERNAL);
    assertThat(status.getDescription()).isEqualTo("internal error");
  }
}
