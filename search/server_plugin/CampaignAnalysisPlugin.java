/*
 * campaign-analysis: the token filters and tokenizers that Wagtail's index settings and the
 * site's Dutch, French and English analyzers need, for the Elasticsearch that
 * scripts/search-server runs.
 *
 * Elasticsearch's own analysis-common module is not published to Maven Central, and its
 * integ-test-zip distribution (which is) comes without it. The Lucene classes doing the work
 * ship with the server (lib/lucene-analysis-common-*.jar); this plugin only registers them under
 * the names and with the settings Elasticsearch's documentation gives. scripts/search-server
 * compiles it against the server's own jars.
 */
package be.buddieswithrefugees.search;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.AbstractTokenizerFactory;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;

public class CampaignAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        Map<String, AnalysisProvider<TokenFilterFactory>> filters = new TreeMap<>();
        filters.put("lowercase", (index, env, name, settings) -> normalizing(name, LowerCaseFilter::new));
        filters.put("asciifolding", (index, env, name, settings) -> {
            boolean preserve = settings.getAsBoolean("preserve_original", false);
            return normalizing(name, stream -> new ASCIIFoldingFilter(stream, preserve));
        });
        filters.put("ngram", AnalysisPlugin.requiresAnalysisSettings((index, env, name, settings) -> {
            int min = settings.getAsInt("min_gram", 1), max = settings.getAsInt("max_gram", 2);
            checkGramDiff(index, name, min, max);
            boolean preserve = settings.getAsBoolean("preserve_original", false);
            return filter(name, stream -> new NGramTokenFilter(stream, min, max, preserve));
        }));
        filters.put("edge_ngram", AnalysisPlugin.requiresAnalysisSettings((index, env, name, settings) -> {
            int min = settings.getAsInt("min_gram", 1), max = settings.getAsInt("max_gram", 2);
            if ("back".equals(settings.get("side"))) {
                throw new IllegalArgumentException("[" + name + "]: side \"back\" is not supported");
            }
            boolean preserve = settings.getAsBoolean("preserve_original", false);
            return filter(name, stream -> new EdgeNGramTokenFilter(stream, min, max, preserve));
        }));
        filters.put("elision", AnalysisPlugin.requiresAnalysisSettings((index, env, name, settings) -> {
            List<String> articles = settings.getAsList("articles");
            boolean ignoreCase = settings.getAsBoolean("articles_case", false);
            CharArraySet set = articles.isEmpty()
                ? FrenchAnalyzer.DEFAULT_ARTICLES
                : new CharArraySet(articles, ignoreCase);
            return normalizing(name, stream -> new ElisionFilter(stream, set));
        }));
        filters.put("stemmer", AnalysisPlugin.requiresAnalysisSettings((index, env, name, settings) -> {
            String language = settings.get("language", settings.get("name", "porter"));
            return filter(name, stemmer(name, language));
        }));
        return filters;
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        Map<String, AnalysisProvider<TokenizerFactory>> tokenizers = new TreeMap<>();
        tokenizers.put("ngram", (index, env, name, settings) -> {
            int min = settings.getAsInt("min_gram", 1), max = settings.getAsInt("max_gram", 2);
            checkGramDiff(index, name, min, max);
            noTokenChars(name, settings);
            return tokenizer(name, () -> new NGramTokenizer(min, max));
        });
        tokenizers.put("edge_ngram", (index, env, name, settings) -> {
            int min = settings.getAsInt("min_gram", 1), max = settings.getAsInt("max_gram", 2);
            noTokenChars(name, settings);
            return tokenizer(name, () -> new EdgeNGramTokenizer(min, max));
        });
        return tokenizers;
    }

    private static Function<TokenStream, TokenStream> stemmer(String name, String language) {
        switch (language) {
            case "dutch":
                return stream -> new SnowballFilter(stream, new DutchStemmer());
            case "french":
                return stream -> new SnowballFilter(stream, new FrenchStemmer());
            case "light_french":
                return FrenchLightStemFilter::new;
            case "english":
            case "porter":
                return PorterStemFilter::new;
            case "possessive_english":
                return EnglishPossessiveFilter::new;
            default:
                throw new IllegalArgumentException(
                    "[" + name + "]: stemmer language [" + language + "] is not supported by campaign-analysis");
        }
    }

    private static void checkGramDiff(IndexSettings index, String name, int min, int max) {
        int allowed = index.getMaxNgramDiff();
        if (max - min > allowed) {
            throw new IllegalArgumentException("[" + name + "]: the difference between max_gram and min_gram must be "
                + "at most [" + allowed + "] (index.max_ngram_diff)");
        }
    }

    private static void noTokenChars(String name, Settings settings) {
        if (settings.get("token_chars") != null || !settings.getAsList("token_chars").isEmpty()) {
            throw new IllegalArgumentException("[" + name + "]: token_chars is not supported by campaign-analysis");
        }
    }

    private static TokenFilterFactory filter(String name, Function<TokenStream, TokenStream> make) {
        return new AbstractTokenFilterFactory(name) {
            @Override
            public TokenStream create(TokenStream stream) {
                return make.apply(stream);
            }
        };
    }

    /** A filter that also applies to the words of prefix, wildcard and fuzzy queries. */
    private static TokenFilterFactory normalizing(String name, Function<TokenStream, TokenStream> make) {
        class Normalizing extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {
            Normalizing() {
                super(name);
            }

            @Override
            public TokenStream create(TokenStream stream) {
                return make.apply(stream);
            }
        }
        return new Normalizing();
    }

    private static TokenizerFactory tokenizer(String name, java.util.function.Supplier<Tokenizer> make) {
        return new AbstractTokenizerFactory(name) {
            @Override
            public Tokenizer create() {
                return make.get();
            }
        };
    }
}
