export * from './CrawlReport.js';
export * from './PodCrawler.js';
export * from './RdfFetcher.js';
