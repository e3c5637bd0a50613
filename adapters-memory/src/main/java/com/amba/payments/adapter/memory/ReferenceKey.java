package com.amba.payments.adapter.memory;

import com.amba.payments.domain.model.ClientReference;
import com.amba.payments.domain.model.ProjectId;

/** Client references are unique per project, not globally. */
record ReferenceKey(ProjectId project, ClientReference reference) {
}
