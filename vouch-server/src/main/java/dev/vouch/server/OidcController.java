package dev.vouch.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The page a browser sees on its way back from the identity provider: on to Vouch (by meta refresh, a same-site
 * navigation, so the SameSite=Strict session cookie goes with it), or why the sign-in was refused. Only
 * {@link OidcSignIn} leads here; asked for directly it does not exist.
 */
@Controller
class OidcController {
    static final String PAGE = "/login/oidc";

    @RequestMapping(PAGE)
    String page(HttpServletRequest req, HttpServletResponse res, Model m) {
        Object status = req.getAttribute(OidcSignIn.STATUS);
        if (!(status instanceof Integer s)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        res.setStatus(s);
        m.addAttribute("next", req.getAttribute(OidcSignIn.NEXT));
        m.addAttribute("error", req.getAttribute(OidcSignIn.PROBLEM));
        return "login-oidc";
    }

    /** The "Sign in with …" button on the sign-in page, when single sign-on is configured. */
    @ControllerAdvice(assignableTypes = AuthController.class)
    static class Button {
        private final OidcSupport oidc;

        Button(OidcSupport oidc) {
            this.oidc = oidc;
        }

        @ModelAttribute("oidcName")
        String oidcName() {
            return oidc.name().orElse(null);
        }
    }
}
