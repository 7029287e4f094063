package org.innofund.shared;

import java.io.Serializable;

/**
 * A message argument that is itself a text of the bundle, translated into the language of the message it fills
 * ("{0} 应在 0 至 1 之间" names the parameter in Chinese, "{0} must be between 0 and 1" in English).
 */
public record MessageKey(String key) implements Serializable {
}
