package com.amba.payments.domain.port.out;

import com.amba.payments.domain.model.PaymentEvent;
import com.amba.payments.domain.model.SendOutcome;
import com.amba.payments.domain.model.SigningSecret;
import java.net.URI;
import java.util.List;

/**
 * POSTs one event to a project's endpoint: the CloudEvents JSON body, signed with {@code secrets}
 * ({@code Amba-Signature}), with {@code Amba-Event-Id}. Blocks until answered, refused or timed out; never throws
 * for anything the endpoint or the network does.
 */
public interface WebhookSender {

    SendOutcome send(URI url, PaymentEvent event, List<SigningSecret> secrets);
}
