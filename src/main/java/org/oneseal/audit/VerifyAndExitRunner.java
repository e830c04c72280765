package org.oneseal.audit;

import java.io.PrintStream;
import java.util.Locale;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Command-line verification: started with {@code --oneseal.audit.verify-and-exit=true}, OneSeal verifies
 * the chain, prints the result and exits with 0 (intact) or 3 (broken).
 */
@Component
@ConditionalOnBooleanProperty("oneseal.audit.verify-and-exit")
class VerifyAndExitRunner implements ApplicationRunner {

    static final int EXIT_INTACT = 0;
    static final int EXIT_BROKEN = 3;

    private final ChainVerifier verifier;
    private final AuditChainer chainer;
    private final MessageSource messages;
    private final ConfigurableApplicationContext context;

    VerifyAndExitRunner(ChainVerifier verifier, AuditChainer chainer, MessageSource messages,
            ConfigurableApplicationContext context) {
        this.verifier = verifier;
        this.chainer = chainer;
        this.messages = messages;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        int code = verifyAndPrint(System.out);
        System.exit(SpringApplication.exit(context, () -> code));
    }

    /** Verifies, prints a Chinese summary and returns the exit code. */
    int verifyAndPrint(PrintStream out) {
        chainer.awaitChained(); // entries a stopped node left pending belong to the chain being verified
        ChainVerification r = verifier.verify(Locale.SIMPLIFIED_CHINESE);
        if (r.intact()) {
            out.println(text("audit.cli.intact", r.entriesChecked(), r.lastSeq(), r.lastHash(),
                    r.took().toMillis()));
            return EXIT_INTACT;
        }
        out.println(text("audit.cli.broken", r.firstBrokenSeq(), r.problem()));
        return EXIT_BROKEN;
    }

    private String text(String key, Object... args) {
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            plain[i] = args[i] instanceof Number n ? n.toString() : args[i];
        }
        return messages.getMessage(key, plain, Locale.SIMPLIFIED_CHINESE);
    }
}
