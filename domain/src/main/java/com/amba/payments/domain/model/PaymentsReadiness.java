package com.amba.payments.domain.model;

/** How far a project is with taking payments. */
public enum PaymentsReadiness {
    NOT_SET_UP("not_set_up"),
    ONBOARDING("onboarding"),
    READY("ready");

    private final String wireName;

    PaymentsReadiness(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
