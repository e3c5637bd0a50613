package com.amba.payments.domain.port.in;

import com.amba.payments.domain.model.BasisPoints;
import com.amba.payments.domain.model.Project;
import java.util.Optional;

/** A project with the fee a create without one would use: its own default, else the platform's. */
public record ProjectOverview(Project project, Optional<BasisPoints> platformDefaultFee) {

    public Optional<BasisPoints> effectiveDefaultFee() {
        return project.defaultFee().or(() -> platformDefaultFee);
    }
}
