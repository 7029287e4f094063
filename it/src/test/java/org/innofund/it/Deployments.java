package org.innofund.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The product's own EAR, as built by the ear module, deployed as it is (or with test classes in its WAR). */
public final class Deployments {

    public static final String WEB_MODULE = "innofund-web.war";

    private Deployments() {
    }

    public static EnterpriseArchive product() {
        File ear = new File(System.getProperty("innofund.ear", "../ear/target/innofund.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("Build the EAR first: " + ear.getAbsolutePath());
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }

    /** The product with test classes added to its web module, for tests that run inside the server. */
    public static EnterpriseArchive productWith(Class<?>... testClasses) {
        EnterpriseArchive ear = product();
        WebArchive war = ear.getAsType(WebArchive.class, WEB_MODULE);
        war.addClasses(testClasses);
        ear.delete(WEB_MODULE);
        ear.addAsModule(war);
        return ear;
    }
}
