package vn.nq57.kpi;

import io.quarkus.test.junit.QuarkusTest;
import vn.nq57.platform.testing.MalformedInputSweepTests;

/** The malformed-input sweep over this service's OpenAPI document (issue #19 §3). */
@QuarkusTest
class MalformedInputSweepTest extends MalformedInputSweepTests {
}
