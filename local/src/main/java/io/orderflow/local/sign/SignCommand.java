package io.orderflow.local.sign;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code orderflow-local sign METHOD PATH [BODY]}: prints {@code Authorization: …} for that request,
 * signed with the demo shop of the running local stack (or the file named by {@code --shop=FILE}), so
 * that {@code curl -H "$(./orderflow-local sign POST /v1/orders "$BODY")" -d "$BODY" …} works.
 */
public final class SignCommand {

    private SignCommand() {}

    public static int run(String[] args, Path defaultCredentials, PrintStream out, PrintStream err) {
        Path credentials = defaultCredentials;
        String[] positional =
                Arrays.stream(args).filter(arg -> !arg.startsWith("--shop=")).toArray(String[]::new);
        for (String arg : args) {
            if (arg.startsWith("--shop=")) {
                credentials = Path.of(arg.substring("--shop=".length()));
            }
        }
        if (positional.length < 2 || positional.length > 3) {
            err.println("usage: orderflow-local sign [--shop=FILE] METHOD PATH_AND_QUERY [BODY]");
            err.println("prints the Authorization header of a shop API request; BODY exactly as curl sends it");
            return 2;
        }
        if (!credentials.toFile().isFile()) {
            err.println("no shop credentials at " + credentials + ": start the local stack first (./orderflow-local)");
            return 1;
        }
        ShopSignature signature = new ShopSignature(ShopCredentials.read(credentials));
        String body = positional.length == 3 ? positional[2] : "";
        out.println("Authorization: " + signature.authorization(positional[0], positional[1], body));
        return 0;
    }
}
