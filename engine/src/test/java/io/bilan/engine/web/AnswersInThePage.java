package io.bilan.engine.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Gives a response set's answers through the player's form, as a person would, item by item. */
final class AnswersInThePage {

    private final WebDriver driver;

    AnswersInThePage(WebDriver driver) {
        this.driver = driver;
    }

    /** Fills every answer; {@code manifest} says each item's type. */
    void fill(JsonNode manifest, JsonNode answers) {
        for (JsonNode item : manifest.get("items")) {
            String id = item.get("id").asText();
            JsonNode answer = answers.get(id);
            if (answer == null || answer.isNull()) {
                continue;
            }
            String name = "a:" + id;
            switch (item.get("type").asText()) {
                case "likert", "single-choice", "knowledge", "observation-criterion" -> click(choice(name, answer.asText()));
                case "multiple-choice" -> answer.forEach(value -> check(choice(name, value.asText())));
                case "forced-choice" -> {
                    click(choice(name + ":most", answer.get("most").asText()));
                    click(choice(name + ":least", answer.get("least").asText()));
                }
                case "ranking" -> {
                    JsonNode options = item.get("options");
                    for (int i = 0; i < options.size(); i++) {
                        String value = options.get(i).get("value").asText();
                        for (int rank = 0; rank < answer.size(); rank++) {
                            if (answer.get(rank).asText().equals(value)) {
                                new Select(driver.findElement(By.name(name + ":rank:" + i))).selectByValue(String.valueOf(rank + 1));
                            }
                        }
                    }
                }
                case "numeric", "free-text" -> type(driver.findElement(By.name(name)), answer.isNumber()
                        ? plain(answer.asDouble()) : answer.asText());
                case "repeating-group" -> fillGroup(item, name, answer);
                default -> throw new IllegalArgumentException("no way to answer " + item.get("type"));
            }
        }
    }

    private void fillGroup(JsonNode item, String name, JsonNode entries) {
        for (int n = 0; n < entries.size(); n++) {
            if (driver.findElements(By.name(name + ":" + n + ":" + item.get("fields").get(0).get("id").asText())).isEmpty()) {
                click(driver.findElement(By.cssSelector("button[name=action][value='add:" + item.get("id").asText() + "']")));
                String added = name + ":" + n + ":" + item.get("fields").get(0).get("id").asText();
                new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.name(added)).isEmpty());
            }
        }
        for (int n = 0; n < entries.size(); n++) {
            JsonNode entry = entries.get(n);
            for (JsonNode field : item.get("fields")) {
                JsonNode value = entry.get(field.get("id").asText());
                if (value == null) {
                    continue;
                }
                String fieldName = name + ":" + n + ":" + field.get("id").asText();
                switch (field.get("type").asText()) {
                    case "boolean" -> click(choice(fieldName, value.asText()));
                    case "choice" -> new Select(driver.findElement(By.name(fieldName))).selectByValue(value.asText());
                    case "choices", "competences" -> value.forEach(v -> {
                        WebElement box = choice(fieldName, v.asText());
                        for (WebElement details : box.findElements(By.xpath("./ancestor::details"))) {
                            if (details.getAttribute("open") == null) {
                                click(details.findElement(By.tagName("summary")));
                            }
                        }
                        check(box);
                    });
                    default -> type(driver.findElement(By.name(fieldName)), value.isNumber() ? plain(value.asDouble()) : value.asText());
                }
            }
        }
    }

    private WebElement choice(String name, String value) {
        return driver.findElements(By.name(name)).stream().filter(e -> value.equals(e.getAttribute("value"))).findFirst()
                .orElseThrow(() -> new AssertionError("no choice " + value + " for " + name));
    }

    /** Ticks a check box, leaving it ticked if it already is. */
    private void check(WebElement box) {
        if (!box.isSelected()) {
            click(box);
        }
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private void type(WebElement field, String text) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", field);
        field.clear();
        field.sendKeys(text);
    }

    static String plain(double number) {
        return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
    }

    static Map<String, String> none() {
        return Map.of();
    }
}
