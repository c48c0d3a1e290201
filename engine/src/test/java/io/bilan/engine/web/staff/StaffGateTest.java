package io.bilan.engine.web.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** After signing in, a person goes back to the staff page they asked for, and nowhere else. */
class StaffGateTest {

    @Test
    void backGoesToStaffPagesOnly() {
        assertEquals("/staff/cases?phase=closed", StaffGate.safeBack("/staff/cases?phase=closed"));
        assertEquals("/staff", StaffGate.safeBack("/staff"));
        assertEquals("/staff", StaffGate.safeBack(null));
        assertEquals("/staff", StaffGate.safeBack("https://evil.example/staff"));
        assertEquals("/staff", StaffGate.safeBack("//evil.example/staff"));
        assertEquals("/staff", StaffGate.safeBack("/staffing"));
        assertEquals("/staff", StaffGate.safeBack("/staff/..\\evil"));
        assertEquals("/staff", StaffGate.safeBack("/staff/sign-in?back=/staff"));
        assertEquals("/staff", StaffGate.safeBack("/staff/" + "x".repeat(600)));
    }
}
